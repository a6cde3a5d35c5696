import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContextInfoSchema } from '../../preload/contract';
import { findContext, isLocalContext, listContexts } from './contexts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storedeck-contexts-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const KUBECONFIG = `
apiVersion: v1
kind: Config
current-context: k3s-lab
clusters:
- name: kind-storedeck
  cluster: { server: 'https://127.0.0.1:41234' }
- name: lab
  cluster: { server: 'https://k3s.lab.example.com:6443' }
- name: mk
  cluster: { server: 'https://192.168.49.2:8443' }
users:
- name: kind-storedeck
  user: { token: a }
- name: lab-admin
  user: { token: b }
contexts:
- name: kind-storedeck
  context: { cluster: kind-storedeck, user: kind-storedeck }
- name: k3s-lab
  context: { cluster: lab, user: lab-admin, namespace: default }
- name: minikube
  context: { cluster: mk }
`;

describe('isLocalContext', () => {
  it.each([
    ['kind-storedeck', 'https://172.18.0.2:6443', true],
    ['k3d-dev', 'https://0.0.0.0:6550', true],
    ['minikube', 'https://192.168.49.2:8443', true],
    ['docker-desktop', 'https://kubernetes.docker.internal:6443', true],
    ['rancher-desktop', 'https://192.168.5.15:6443', true],
    ['orbstack', 'https://192.168.139.2:26443', true],
    ['default', 'https://127.0.0.1:6443', true],
    ['default', 'https://127.45.3.2:6443', true],
    ['default', 'https://localhost:6443', true],
    ['default', 'https://LOCALHOST:6443', true],
    ['default', 'https://[::1]:6443', true],
    ['k3s-lab', 'https://10.0.0.5:6443', false],
    ['prod', 'https://128.0.0.1:6443', false],
    ['prod', 'https://127.example.com:6443', false],
    ['prod', 'https://localhost.example.com', false],
    ['kindly', 'https://10.0.0.5:6443', false],
    ['prod', 'not a url', false],
  ])('%s at %s → %s', (name, server, expected) => {
    expect(isLocalContext(name, server)).toBe(expected);
  });
});

describe('listContexts', () => {
  it('lists every context as ContextInfo, with the current one', () => {
    const file = path.join(dir, 'config');
    writeFileSync(file, KUBECONFIG);
    const result = listContexts(file, { env: {} });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.current).toBe('k3s-lab');
    expect(result.value.contexts).toEqual([
      {
        name: 'kind-storedeck',
        cluster: 'kind-storedeck',
        server: 'https://127.0.0.1:41234',
        user: 'kind-storedeck',
        isLocal: true,
      },
      {
        name: 'k3s-lab',
        cluster: 'lab',
        server: 'https://k3s.lab.example.com:6443',
        user: 'lab-admin',
        isLocal: false,
      },
      { name: 'minikube', cluster: 'mk', server: 'https://192.168.49.2:8443', user: '', isLocal: true },
    ]);
    for (const info of result.value.contexts) expect(ContextInfoSchema.parse(info)).toEqual(info);
  });

  it('reports no current context when current-context names a context that is not defined', () => {
    const file = path.join(dir, 'config');
    writeFileSync(file, KUBECONFIG.replace('current-context: k3s-lab', 'current-context: deleted-cluster'));
    const result = listContexts(file, { env: {} });
    expect(result.ok && result.value.current).toBeNull();
  });

  it('uses KUBECONFIG when no path is given and returns the error value for a missing file', () => {
    const file = path.join(dir, 'config');
    writeFileSync(file, KUBECONFIG);
    const viaEnv = listContexts(null, { env: { KUBECONFIG: file } });
    expect(viaEnv.ok && viaEnv.value.contexts).toHaveLength(3);
    const missing = path.join(dir, 'missing');
    expect(listContexts(missing, { env: {} })).toEqual({
      ok: false,
      error: { code: 'no_context', message: `Kubeconfig file ${missing} does not exist` },
    });
  });
});

describe('findContext', () => {
  it('returns the named context or an error listing the available ones', () => {
    const file = path.join(dir, 'config');
    writeFileSync(file, KUBECONFIG);
    expect(findContext('minikube', file, { env: {} })).toMatchObject({
      ok: true,
      value: { name: 'minikube', isLocal: true },
    });
    expect(findContext('prod', file, { env: {} })).toEqual({
      ok: false,
      error: {
        code: 'no_context',
        message: `Context "prod" is not in ${file}; available: kind-storedeck, k3s-lab, minikube`,
      },
    });
  });
});
