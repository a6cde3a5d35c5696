import { describe, expect, it } from 'vitest';
import { err, ok, type AuditEntry } from '../../../../preload/contract';
import { createFakeApi } from '../../api/fake-api';
import { createAuditStore } from './audit.state';

const entry: AuditEntry = {
  id: 1,
  action: 'create',
  resource: 'store',
  name: 'Demo',
  details: 'id=s1',
  actor: 'web:alice',
  timestamp: '2026-01-01T10:00:00.000Z',
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
