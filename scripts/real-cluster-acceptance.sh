#!/usr/bin/env bash
# Real-cluster acceptance: a Kind cluster with Traefik, one store created through the CLI,
# its storefront fetched through the ingress, the store deleted, nothing left behind.
# Needs Docker, kind, kubectl and helm on PATH and internet access for images. Where any of
# those is missing it says SKIPPED and why, and exits 0: a skip is not a pass, read the line.
set -euo pipefail

cd "$(dirname "$0")/.."
CLUSTER=${STOREDECK_ACCEPTANCE_CLUSTER:-storedeck-acceptance}
CONTEXT="kind-${CLUSTER}"
DATA_DIR=$(mktemp -d)
STORE="Acceptance $(date +%s)"
KEEP=${KEEP_CLUSTER:-0}

skip() {
  echo "SKIPPED real-cluster acceptance: $1"
  exit 0
}

command -v docker >/dev/null 2>&1 || skip "docker is not installed (Kind runs its nodes as Docker containers)"
docker info >/dev/null 2>&1 || skip "no Docker engine is running (docker info failed)"
command -v kind >/dev/null 2>&1 || skip "the kind CLI is not on PATH (https://kind.sigs.k8s.io)"
command -v kubectl >/dev/null 2>&1 || skip "kubectl is not on PATH"
command -v helm >/dev/null 2>&1 || skip "helm is not on PATH (used to install Traefik)"

cleanup() {
  rm -rf "$DATA_DIR"
  if [ "$KEEP" != 1 ]; then kind delete cluster --name "$CLUSTER" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

storedeck() { npx tsx main/cli.ts --context "$CONTEXT" --data-dir "$DATA_DIR" "$@"; }

if ! kind get clusters | grep -qx "$CLUSTER"; then
  echo "== creating Kind cluster $CLUSTER"
  kind create cluster --name "$CLUSTER" --config charts/kind/kind-config.yaml --wait 120s
fi

echo "== installing Traefik as the ingress controller (hostPorts 80/443 on the ingress-ready node)"
helm repo add traefik https://traefik.github.io/charts >/dev/null
helm upgrade --install traefik traefik/traefik --namespace traefik --create-namespace \
  --kube-context "$CONTEXT" --wait --timeout 180s \
  --set ports.web.hostPort=80 --set ports.websecure.hostPort=443 \
  --set-string nodeSelector.ingress-ready=true \
  --set 'tolerations[0].key=node-role.kubernetes.io/control-plane' \
  --set 'tolerations[0].operator=Exists' --set 'tolerations[0].effect=NoSchedule' \
  --set ingressClass.isDefaultClass=true

echo "== creating a store (waits until Ready: setup Job succeeded)"
storedeck create "$STORE" --email acceptance@example.com --wait
slug=$(storedeck --json list | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const l=JSON.parse(s);console.log(l[l.length-1].slug)})')
echo "== store slug: $slug"

echo "== the storefront answers through the ingress and shows the sample product"
curl -fsS --max-time 30 -H "Host: ${slug}.localhost" http://127.0.0.1/shop/ | grep -q "Sample Product"
curl -fsS --max-time 30 -o /dev/null -H "Host: ${slug}.localhost" http://127.0.0.1/wp-login.php

echo "== deleting the store"
storedeck delete "$slug" --wait
if kubectl --context "$CONTEXT" get namespace "store-${slug}" >/dev/null 2>&1; then
  echo "FAILED: namespace store-${slug} still exists"
  exit 1
fi
echo "PASSED real-cluster acceptance on $CONTEXT"
