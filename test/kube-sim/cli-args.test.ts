import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';

describe('kube-sim CLI arguments', () => {
  it('parses every flag', () => {
    expect(
      parseCliArgs([
        '--port',
        '6443',
        '--profile',
        'realistic',
        '--seed',
        '42',
        '--cluster',
        'kind',
        '--token',
        't',
        '--write-kubeconfig',
        '/tmp/kc',
      ]),
    ).toEqual({
      options: { port: 6443, profile: 'realistic', seed: 42, cluster: 'kind', token: 't' },
      writeKubeconfig: '/tmp/kc',
    });
    expect(parseCliArgs([])).toEqual({ options: {} });
    expect(parseCliArgs(['--cluster', 'kind', '--no-ingress'])).toEqual({
      options: { cluster: 'kind', ingress: false },
    });
  });

  it('rejects unknown flags, missing values and bad numbers with the usage', () => {
    expect(() => parseCliArgs(['--nope'])).toThrow(/unknown argument "--nope"\nusage:/);
    expect(() => parseCliArgs(['--port'])).toThrow(/--port needs a value/);
    expect(() => parseCliArgs(['--seed', 'x'])).toThrow(/--seed must be a non-negative integer/);
    expect(() => parseCliArgs(['--cluster', 'minikube'])).toThrow(/--cluster must be k3s or kind/);
  });

  it('--help asks for the usage (the CLI prints it and exits 0)', () => {
    expect(parseCliArgs(['--help'])).toMatchObject({ help: true });
    expect(parseCliArgs(['--port', '1', '-h'])).toMatchObject({ help: true });
  });
});
