// The Kind cluster config Storedeck creates clusters with: one control-plane node labelled
// ingress-ready=true (the ingress controller's hostPorts are pinned to it) publishing HTTP and
// HTTPS on the host's loopback, and optional workers. charts/kind/kind-config.yaml is this
// builder's default output, kept equal by a test, for people who run kind by hand.
import YAML from 'yaml';

export const KIND_DEFAULTS = {
  name: 'storedeck',
  httpPort: 80,
  httpsPort: 443,
  workers: 0,
  listenAddress: '127.0.0.1',
} as const;

/** The node label the ingress controller's Deployment selects. */
export const INGRESS_READY_LABEL = { key: 'ingress-ready', value: 'true' } as const;

export interface KindConfigOptions {
  name?: string;
  httpPort?: number;
  httpsPort?: number;
  workers?: number;
}

export interface KindNode {
  role: 'control-plane' | 'worker';
  labels?: Record<string, string>;
  extraPortMappings?: Array<{
    containerPort: number;
    hostPort: number;
    listenAddress: string;
    protocol: 'TCP';
  }>;
}

export interface KindConfig {
  kind: 'Cluster';
  apiVersion: 'kind.x-k8s.io/v1alpha4';
  name: string;
  nodes: KindNode[];
}

/** Kind cluster names become Docker container names and the `kind-<name>` context. */
const KIND_NAME = /^[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?$/;

export function buildKindConfig(options: KindConfigOptions = {}): KindConfig {
  const name = options.name ?? KIND_DEFAULTS.name;
  if (!KIND_NAME.test(name))
    throw new Error(
      `Cluster name "${name}" must be 1-32 lowercase letters, digits or dashes, starting and ending with a letter or digit`,
    );
  const workers = options.workers ?? KIND_DEFAULTS.workers;
  if (!Number.isInteger(workers) || workers < 0 || workers > 5)
    throw new Error(`Workers must be a whole number from 0 to 5, got ${workers}`);
  const port = (containerPort: number, hostPort: number) => ({
    containerPort,
    hostPort,
    listenAddress: KIND_DEFAULTS.listenAddress,
    protocol: 'TCP' as const,
  });
  return {
    kind: 'Cluster',
    apiVersion: 'kind.x-k8s.io/v1alpha4',
    name,
    nodes: [
      {
        role: 'control-plane',
        labels: { [INGRESS_READY_LABEL.key]: INGRESS_READY_LABEL.value },
        extraPortMappings: [
          port(80, options.httpPort ?? KIND_DEFAULTS.httpPort),
          port(443, options.httpsPort ?? KIND_DEFAULTS.httpsPort),
        ],
      },
      ...Array.from({ length: workers }, (): KindNode => ({ role: 'worker' })),
    ],
  };
}

export const kindConfigYaml = (options: KindConfigOptions = {}): string =>
  YAML.stringify(buildKindConfig(options));

/** The kubeconfig context kind writes for a cluster. */
export const kindContext = (name: string): string => `kind-${name}`;
