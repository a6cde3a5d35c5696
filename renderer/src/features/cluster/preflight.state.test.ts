import { describe, expect, it } from 'vitest';
import { err, ok, type Preflight } from '../../../../preload/contract';
import { createFakeApi } from '../../api/fake-api';
import { createPreflightStore } from './preflight.state';

const preflight: Preflight = {
  context: 'kube-sim',
  ok: true,
  checks: [{ id: 'api', title: 'API server', status: 'ok', detail: 'v1.33.1+k3s1' }],
};

describe('preflight store', () => {
  it('runs the checks and clears old results on an error', async () => {
    const api = createFakeApi();
    api.respond('runPreflight', ok(preflight));
    const store = createPreflightStore(api, () => new Date('2026-01-01T10:00:00.000Z'));
    await store.getState().run();
    expect(store.getState()).toMatchObject({
      result: preflight,
      running: false,
      ranAt: '2026-01-01T10:00:00.000Z',
    });
    api.respond('runPreflight', err('no_context', 'No cluster context selected'));
    await store.getState().run();
    expect(store.getState()).toMatchObject({ result: null, error: 'No cluster context selected' });
  });
});
