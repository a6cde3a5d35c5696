import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditEntrySchema } from '../../preload/contract';
import { openState, type State } from './open-state';

let state: State;
beforeEach(() => {
  state = openState(':memory:', { clock: () => '2026-03-04T05:06:07.089Z' });
});
afterEach(() => state.close());

describe('AuditRepo', () => {
  it('records an entry as the contract AuditEntry, details defaulting to empty', () => {
    const entry = state.audit.add({
      action: 'restart',
      resource: 'store',
      name: 'Shop',
      actor: 'desktop:alice',
    });
    expect(AuditEntrySchema.parse(entry)).toEqual(entry);
    expect(entry).toEqual({
      id: 1,
      action: 'restart',
      resource: 'store',
      name: 'Shop',
      details: '',
      actor: 'desktop:alice',
      timestamp: '2026-03-04T05:06:07.089Z',
    });
  });

  it('lists newest first, at most the limit', () => {
    for (let i = 1; i <= 5; i++) {
      state.audit.add({
        action: 'create',
        resource: 'store',
        name: `s${i}`,
        details: `#${i}`,
        actor: 'cli:bob',
      });
    }
    expect(state.audit.list(3).map((a) => a.name)).toEqual(['s5', 's4', 's3']);
    expect(state.audit.list(100)).toHaveLength(5);
    expect(state.audit.list(0)).toEqual([]);
  });

  it('is not tied to any store row', () => {
    // An entry about a store that never existed (or is long gone) is accepted.
    const entry = state.audit.add({ action: 'delete', resource: 'store', name: 'ghost', actor: 'web' });
    expect(entry.id).toBe(1);
    const fks = state.db.prepare('PRAGMA foreign_key_list(audit_log)').all();
    expect(fks).toEqual([]);
  });
});
