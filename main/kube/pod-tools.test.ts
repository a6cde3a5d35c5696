// pods/exec and pods/portforward through the real client against the simulator: exec returns
// stdout, stderr and exit codes and takes stdin; a forwarded local port carries bytes both
// ways to what serves the pod's port, and reports the kubelet's error when nothing does.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeSim, type KubeSim } from '../../test/kube-sim/index';
import { KubeClient } from './client';
import { KINDS } from './kinds';
import { loadKubeConfig } from './kubeconfig';
import { execInPod } from './pod-exec';
import { startPortForward } from './port-forward';
import { waitFor } from './watch-wait';

let sim: KubeSim;
let dir: string;
let client: KubeClient;
let echo: Server;
const NS = 'tools';
const POD = 'db-0';

beforeAll(async () => {
  sim = await startKubeSim({ profile: 'fast', seed: 5 });
  dir = mkdtempSync(path.join(tmpdir(), 'storedeck-pod-tools-'));
  const file = path.join(dir, 'kubeconfig');
  await sim.writeKubeconfig(file);
  const loaded = loadKubeConfig(file, 'kube-sim');
  if (!loaded.ok) throw new Error(loaded.error.message);
  client = new KubeClient(loaded.value);
  await client.core.createNamespace({ body: { metadata: { name: NS } } });
  await client.core.createNamespacedPod({
    namespace: NS,
    body: {
      metadata: { name: POD },
      spec: { containers: [{ name: 'mysql', image: 'mysql:8.4.10', ports: [{ containerPort: 3306 }] }] },
    },
  });
  await waitFor(client, KINDS.Pod, NS, POD, (p) => p.status?.phase === 'Running', { timeoutMs: 20_000 });
  echo = createServer((s) => s.on('data', (d) => s.write(Buffer.concat([Buffer.from('echo:'), d]))));
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
});

afterAll(async () => {
  echo?.close();
  await sim?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const target = { namespace: NS, pod: POD, container: 'mysql' };

describe('execInPod', () => {
  it('returns output and exit code, and feeds stdin', async () => {
    const ok = await execInPod(
      client.kubeConfig,
      target,
      ['sh', '-c', 'cat > /tmp/x && cat /tmp/x && echo done >&2'],
      {
        stdin: 'hello\n',
      },
    );
    expect(ok).toEqual({ exitCode: 0, stdout: 'hello\n', stderr: 'done\n' });
    const failed = await execInPod(client.kubeConfig, target, ['sh', '-c', 'echo nope >&2; exit 3']);
    expect(failed).toMatchObject({ exitCode: 3, stderr: 'nope\n' });
  });

  it('rejects with the API server reason when the container does not exist', async () => {
    await expect(execInPod(client.kubeConfig, { ...target, container: 'nope' }, ['true'])).rejects.toThrow();
  });
});

describe('startPortForward', () => {
  it('carries bytes both ways between a local port and the pod port', async () => {
    const port = (echo.address() as AddressInfo).port;
    sim.setPortBackend((ns, pod, p) =>
      ns === NS && pod === POD && p === 3306 ? { host: '127.0.0.1', port } : undefined,
    );
    const forward = await startPortForward(client.kubeConfig, { namespace: NS, pod: POD, port: 3306 });
    try {
      expect(forward.host).toBe('127.0.0.1');
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = connect(forward.port, '127.0.0.1', () => socket.write('ping'));
        socket.once('data', (d) => {
          resolve(d.toString());
          socket.end();
        });
        socket.once('error', reject);
      });
      expect(reply).toBe('echo:ping');
      expect(forward.connections()).toBe(1);
    } finally {
      await forward.close();
      sim.setPortBackend(undefined);
    }
  });

  it('reports the kubelet error and closes the connection when nothing listens on the pod port', async () => {
    const errors: string[] = [];
    const forward = await startPortForward(
      client.kubeConfig,
      { namespace: NS, pod: POD, port: 3306 },
      {
        onError: (m) => errors.push(m),
      },
    );
    try {
      await new Promise<void>((resolve) => {
        const socket = connect(forward.port, '127.0.0.1');
        socket.on('close', () => resolve());
        socket.on('error', () => undefined);
      });
      expect(errors.join('')).toMatch(/error forwarding port 3306 to pod .*connection refused/);
      expect(forward.lastError()).toMatch(/connection refused/);
    } finally {
      await forward.close();
    }
  });
});
