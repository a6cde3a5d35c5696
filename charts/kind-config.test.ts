import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from './helm.fixture';

interface KindNode {
  role: string;
  labels?: Record<string, string>;
  extraPortMappings?: {
    containerPort: number;
    hostPort: number;
    listenAddress?: string;
    protocol?: string;
  }[];
}

describe('charts/kind/kind-config.yaml', () => {
  const config = parse(readFileSync(join(REPO, 'charts/kind/kind-config.yaml'), 'utf8')) as {
    kind: string;
    apiVersion: string;
    nodes: KindNode[];
  };

  it('is a Kind cluster config', () => {
    expect(config).toMatchObject({ kind: 'Cluster', apiVersion: 'kind.x-k8s.io/v1alpha4' });
  });

  it('publishes HTTP and HTTPS on the host loopback from the ingress-ready node', () => {
    const node = config.nodes.find((n) => n.labels?.['ingress-ready'] === 'true');
    expect(node?.role).toBe('control-plane');
    expect(node?.extraPortMappings).toEqual([
      { containerPort: 80, hostPort: 80, listenAddress: '127.0.0.1', protocol: 'TCP' },
      { containerPort: 443, hostPort: 443, listenAddress: '127.0.0.1', protocol: 'TCP' },
    ]);
  });
});
