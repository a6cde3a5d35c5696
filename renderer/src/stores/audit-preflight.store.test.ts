import { describe, expect, it } from 'vitest';
import { err, ok, type AuditEntry, type Preflight } from '../../../preload/contract';
import { createFakeApi } from '../api/fake-api';
import { createAuditStore } from './audit.store';
import { createPreflightStore } from './preflight.store';

const entry: AuditEntry = {
  id: 1,
  action: 'create',
  resource: 'store',
  name: 'Demo',
  details: 'id=s1',
  actor: 'web:alice',
  timestamp: '2026-01-01T10:00:00.000Z',
};

const preflight: Preflight = {
  context: 'kube-sim',
  ok: true,
  checks: [{ id: 'api', title: 'API server', status: 'ok', detail: 'v1.33.1+k3s1' }],
};

describe('audit store', () => {
  it('loads the newest entries and keeps a load error', async () => {
    const api = createFakeApi();
    api.respond('listAudit', ok([entry]));
    const audit = createAuditStore(api);
    await audit.getState().load();
    expect(api.calls).toEqual([{ name: 'listAudit', request: { limit: 200 } }]);
    expect(audit.getState()).toMatchObject({ entries: [entry], loaded: true, loading: false });
    api.respond('listAudit', err('internal', 'database is locked'));
    await audit.getState().load();
    expect(audit.getState().error).toBe('database is locked');
  });
});

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
