import { ApiException, Watch } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawCall, startWithClients, type SimClients } from './test-kit.js';

let c: SimClients;
beforeAll(async () => {
  c = await startWithClients();
});
afterAll(() => c.sim.stop());

async function outcome(call: Promise<unknown>): Promise<number | 'dropped'> {
  try {
    await call;
    return 200;
  } catch (e) {
    if (e instanceof ApiException) return e.code;
    return 'dropped';
  }
}

describe('kube-sim HTTP fault injection', () => {
  it('errorRate answers with 500, 503 and 429 (Retry-After) Status objects, logged as faults', async () => {
    c.sim.setFaults({ errorRate: 1 });
    c.sim.clearRequests();
    const seen = new Map<number, { headers: Record<string, string>; body: Record<string, unknown> }>();
    for (let i = 0; i < 20 && seen.size < 3; i++) {
      try {
        await c.core.listNamespace();
      } catch (e) {
        if (!(e instanceof ApiException)) throw e;
        seen.set(e.code, {
          headers: e.headers,
          body: JSON.parse(e.body as string) as Record<string, unknown>,
        });
      }
    }
    c.sim.setFaults({ errorRate: null });
    expect([...seen.keys()].sort()).toEqual([429, 500, 503]);
    expect(seen.get(429)?.headers['retry-after']).toBe('1');
    expect(seen.get(429)?.body).toMatchObject({
      kind: 'Status',
      reason: 'TooManyRequests',
      code: 429,
      details: { retryAfterSeconds: 1 },
    });
    expect(seen.get(503)?.body).toMatchObject({ reason: 'ServiceUnavailable', code: 503 });
    expect(seen.get(500)?.body).toMatchObject({ reason: 'InternalError', code: 500 });
    const log = c.sim.requests();
    expect(log.length).toBeGreaterThanOrEqual(3);
    expect(log.every((r) => r.fault === 'error' && [429, 500, 503].includes(r.status))).toBe(true);
    expect((await c.core.listNamespace()).items.length).toBeGreaterThan(0);
  });

  it('dropRate destroys the connection without a response', async () => {
    c.sim.setFaults({ dropRate: 1 });
    c.sim.clearRequests();
    expect(await outcome(c.core.listNamespace())).toBe('dropped');
    c.sim.setFaults({ dropRate: null });
    expect(c.sim.requests()[0]).toMatchObject({ fault: 'drop', status: 0, path: '/api/v1/namespaces' });
  });

  it('latencyMs delays every request', async () => {
    c.sim.setFaults({ latencyMs: { min: 150, max: 150 } });
    c.sim.clearRequests();
    const started = performance.now();
    await c.core.listNamespace();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    c.sim.setFaults({ latencyMs: null });
    expect(c.sim.requests()[0]?.durationMs).toBeGreaterThanOrEqual(140);
  });

  it('watchCutAfterSeconds ends watch streams from the server side', async () => {
    c.sim.setFaults({ watchCutAfterSeconds: 0.3 });
    const started = performance.now();
    const ended = await new Promise<unknown>((resolve) => {
      void new Watch(c.kc).watch('/api/v1/namespaces', {}, () => undefined, resolve);
    });
    c.sim.setFaults({ watchCutAfterSeconds: null });
    expect(ended).toBeNull();
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('is settable over the token-guarded admin endpoint', async () => {
    expect((await rawCall(c.sim, 'GET', '/_sim/faults', undefined, null)).status).toBe(401);
    const put = await rawCall(c.sim, 'PUT', '/_sim/faults', { errorRate: 1 });
    expect(put).toEqual({ status: 200, json: { errorRate: 1 } });
    expect(await outcome(c.core.listNamespace())).not.toBe(200);
    await rawCall(c.sim, 'PUT', '/_sim/faults', { errorRate: null });
    expect((await rawCall(c.sim, 'GET', '/_sim/faults')).json).toEqual({});
    expect(await outcome(c.core.listNamespace())).toBe(200);
  });

  it('is reproducible: the same seed gives the same fault sequence', async () => {
    const run = async (): Promise<Array<number | 'dropped'>> => {
      const s = await startWithClients({ seed: 99, faults: { errorRate: 0.4, dropRate: 0.2 } });
      const out: Array<number | 'dropped'> = [];
      for (let i = 0; i < 12; i++) out.push(await outcome(s.core.listNamespace()));
      await s.sim.stop();
      return out;
    };
    const [a, b] = [await run(), await run()];
    expect(a).toEqual(b);
    expect(new Set(a).size).toBeGreaterThan(1);
  });
});
