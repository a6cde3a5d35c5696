import { Writable } from 'node:stream';
import { Exec, Log, Watch, type V1Status } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, startWithClients, type SimClients } from './test-kit.js';

let c: SimClients;
beforeAll(async () => {
  c = await startWithClients();
  await c.core.createNamespace({ body: { metadata: { name: 'le' } } });
  await c.core.createNamespacedPod({
    namespace: 'le',
    body: {
      metadata: { name: 'box', labels: { app: 'box' } },
      spec: { containers: [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] }] },
    },
  });
  await untilRunning('box');
});
afterAll(() => c.sim.stop());

/** Waits on a watch (not a sleep) until the pod reports Running; bounded to 10 s. */
async function untilRunning(name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pod ${name} not Running within 10 s`)), 10_000);
    let ctl: AbortController | undefined;
    void new Watch(c.kc)
      .watch(
        `/api/v1/namespaces/le/pods`,
        { fieldSelector: `metadata.name=${name}` },
        (_t, pod: { status?: { phase?: string } }) => {
          if (pod.status?.phase === 'Running') {
            clearTimeout(timer);
            ctl?.abort();
            resolve();
          }
        },
        () => undefined,
      )
      .then((x) => (ctl = x));
  });
}

/** Waits (on a watch) for a pod matching the selector whose container has started; bounded to 10 s. */
async function untilPod(labelSelector: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no pod for ${labelSelector} within 10 s`)), 10_000);
    let ctl: AbortController | undefined;
    void new Watch(c.kc)
      .watch(
        '/api/v1/namespaces/le/pods',
        { labelSelector },
        (
          _t,
          pod: {
            metadata?: { name?: string };
            status?: { containerStatuses?: Array<{ state?: { running?: unknown; terminated?: unknown } }> };
          },
        ) => {
          const state = pod.status?.containerStatuses?.[0]?.state;
          if (state?.running || state?.terminated) {
            clearTimeout(timer);
            ctl?.abort();
            resolve(pod.metadata?.name as string);
          }
        },
        () => undefined,
      )
      .then((x) => (ctl = x));
  });
}

function sink(): { stream: Writable; text: () => string; ended: Promise<void> } {
  let text = '';
  let done: () => void = () => undefined;
  const ended = new Promise<void>((r) => (done = r));
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      text += chunk.toString();
      cb();
    },
    final(cb) {
      done();
      cb();
    },
  });
  return { stream, text: () => text, ended };
}

describe('kube-sim pods/log and pods/exec through client-node Log and Exec', () => {
  it('reads logs, honouring tailLines', async () => {
    const all = sink();
    await new Log(c.kc).log('le', 'box', 'main', all.stream, { follow: false });
    await all.ended;
    const lines = all.text().split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    const tail = sink();
    await new Log(c.kc).log('le', 'box', 'main', tail.stream, { follow: false, tailLines: 1 });
    await tail.ended;
    expect(tail.text().split('\n').filter(Boolean)).toEqual(lines.slice(-1));
    expect(
      c.sim
        .requests()
        .some((r) => r.resource === 'pods/log' && r.path.includes('tailLines=1') && r.status === 200),
    ).toBe(true);
  });

  it('follows a log as a chunked stream that ends when the container terminates', async () => {
    await c.batch.createNamespacedJob({
      namespace: 'le',
      body: {
        metadata: { name: 'once' },
        spec: {
          template: {
            spec: {
              restartPolicy: 'Never',
              containers: [{ name: 'run', image: 'busybox:1.36', command: ['sh', '-c', 'echo done'] }],
            },
          },
        },
      },
    });
    const pod = await untilPod('batch.kubernetes.io/job-name=once');
    const out = sink();
    const started = performance.now();
    await new Log(c.kc).log('le', pod, 'run', out.stream, { follow: true });
    await out.ended;
    expect(out.text().length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(
      c.sim
        .requests()
        .find((r) => r.resource === 'pods/log' && r.name === pod && r.path.includes('follow=true'))?.status,
    ).toBe(200);
  });

  it('answers 404 for the log of a missing pod', async () => {
    const out = sink();
    expect(
      (await failure(new Log(c.kc).log('le', 'ghost', 'main', out.stream, { follow: false }))).code,
    ).toBe(404);
  });

  it('runs a command and returns stdout, stderr and the exit status', async () => {
    const out = sink();
    const err = sink();
    const status = await new Promise<V1Status>((resolve) => {
      void new Exec(c.kc).exec(
        'le',
        'box',
        'main',
        ['sh', '-c', 'echo hello; cat /nope'],
        out.stream,
        err.stream,
        null,
        false,
        resolve,
      );
    });
    expect(out.text()).toBe('hello\n');
    expect(err.text()).toBe('cat: /nope: No such file or directory\n');
    expect(status).toMatchObject({
      status: 'Failure',
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '1' }] },
    });
    const ok = await new Promise<V1Status>((resolve) => {
      void new Exec(c.kc).exec('le', 'box', 'main', ['sh', '-c', 'true'], null, null, null, false, resolve);
    });
    expect(ok.status).toBe('Success');
  });

  it('refuses exec into a missing pod before upgrading', async () => {
    const attempt = new Exec(c.kc).exec('le', 'ghost', 'main', ['true'], null, null, null, false);
    await expect(attempt).rejects.toBeTruthy();
    expect(c.sim.requests().find((r) => r.resource === 'pods/exec' && r.name === 'ghost')?.status).toBe(404);
  });
});
