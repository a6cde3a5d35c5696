import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { buildKindConfig, kindConfigYaml } from './kind-config';

const CHART = path.resolve(import.meta.dirname, '../../../charts/kind/kind-config.yaml');

describe('the Kind cluster config', () => {
  it('is what charts/kind/kind-config.yaml holds, for the defaults', () => {
    expect(YAML.parse(readFileSync(CHART, 'utf8'))).toEqual(buildKindConfig());
  });

  it('maps the chosen host ports onto the ingress-ready control plane and adds workers', () => {
    const config = YAML.parse(kindConfigYaml({ name: 'lab', httpPort: 8080, httpsPort: 8443, workers: 2 }));
    expect(config.name).toBe('lab');
    expect(config.nodes.map((n: { role: string }) => n.role)).toEqual(['control-plane', 'worker', 'worker']);
    expect(config.nodes[0].labels).toEqual({ 'ingress-ready': 'true' });
    expect(config.nodes[0].extraPortMappings).toEqual([
      { containerPort: 80, hostPort: 8080, listenAddress: '127.0.0.1', protocol: 'TCP' },
      { containerPort: 443, hostPort: 8443, listenAddress: '127.0.0.1', protocol: 'TCP' },
    ]);
  });

  it('refuses names kind cannot use and silly worker counts', () => {
    expect(() => buildKindConfig({ name: 'My Cluster' })).toThrow(/lowercase letters, digits or dashes/);
    expect(() => buildKindConfig({ workers: 9 })).toThrow(/0 to 5/);
  });
});

describe('charts/kind/traefik.yaml', () => {
  it('is exactly the manifests Storedeck applies', async () => {
    const { traefikManifests } = await import('./traefik-manifests');
    const file = readFileSync(path.resolve(import.meta.dirname, '../../../charts/kind/traefik.yaml'), 'utf8');
    expect(YAML.parseAllDocuments(file).map((d) => d.toJSON())).toEqual(traefikManifests());
  });
});
