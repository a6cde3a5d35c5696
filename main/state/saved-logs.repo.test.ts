import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SavedLogSchema } from '../../preload/contract';
import { openState, type State } from './open-state';
import { MAX_SAVED_PER_STORE, SavedLogsRepo, lastBytes } from './saved-logs.repo';

let state: State;
beforeEach(() => {
  state = openState(':memory:', { clock: () => '2026-12-01T10:00:00.000Z' });
});
afterEach(() => state.close());

function storeId(slug: string): string {
  const result = state.stores.insert({
    name: slug,
    slug,
    namespace: `store-${slug}`,
    plan: 'woocommerce',
    context: 'kind-dev',
    adminEmail: 'a@example.com',
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.id;
}

const log = (pod: string, lines: string[], outcome: 'complete' | 'failed' = 'complete') => ({
  pod,
  container: 'wp-cli',
  component: 'setup',
  outcome,
  lines,
});

describe('SavedLogsRepo', () => {
  it('keeps a setup log per job pod, newest first, re-read line by line', () => {
    const shop = storeId('shop');
    expect(state.savedLogs.save(shop, log('setup-a', ['one', 'two'], 'failed'))).toBe(true);
    expect(state.savedLogs.save(shop, log('setup-b', ['three']))).toBe(true);
    const listed = state.savedLogs.list(shop);
    expect(listed.map((l) => [l.pod, l.outcome, l.lineCount])).toEqual([
      ['setup-b', 'complete', 1],
      ['setup-a', 'failed', 2],
    ]);
    for (const entry of listed) expect(SavedLogSchema.parse(entry)).toEqual(entry);
    expect(state.savedLogs.read(shop)?.lines).toEqual(['three']);
    expect(state.savedLogs.read(shop, 'setup-a')).toEqual({ meta: listed[1], lines: ['one', 'two'] });
    expect(state.savedLogs.read(shop, 'nope')).toBeNull();
    expect(state.savedLogs.read(storeId('other'))).toBeNull();
  });

  it('replaces a pod saved again (the engine sees the same finished job twice)', () => {
    const shop = storeId('shop');
    state.savedLogs.save(shop, log('setup-a', ['partial']));
    state.savedLogs.save(shop, log('setup-a', ['partial', 'done'], 'failed'));
    expect(state.savedLogs.list(shop)).toHaveLength(1);
    expect(state.savedLogs.read(shop, 'setup-a')).toMatchObject({
      meta: { outcome: 'failed' },
      lines: ['partial', 'done'],
    });
  });

  it('keeps only the last whole lines that fit the byte bound, and says it cut', () => {
    const shop = storeId('shop');
    const small = new SavedLogsRepo(state.db, undefined, 12);
    small.save(shop, log('setup-a', ['aaaa', 'bbbb', 'cccc', 'dd']));
    expect(small.read(shop)).toMatchObject({
      meta: { truncated: true, lineCount: 2 },
      lines: ['cccc', 'dd'],
    });
    expect(lastBytes(['é'], 3)).toEqual({ lines: ['é'], truncated: false });
    expect(lastBytes(['é'], 2)).toEqual({ lines: [], truncated: true });
  });

  it(`keeps the newest ${MAX_SAVED_PER_STORE} per store`, () => {
    const shop = storeId('shop');
    for (let i = 0; i < MAX_SAVED_PER_STORE + 2; i++) state.savedLogs.save(shop, log(`setup-${i}`, [`${i}`]));
    const pods = state.savedLogs.list(shop).map((l) => l.pod);
    expect(pods).toHaveLength(MAX_SAVED_PER_STORE);
    expect(pods[0]).toBe(`setup-${MAX_SAVED_PER_STORE + 1}`);
    expect(pods).not.toContain('setup-0');
  });

  it('goes with the store, and saves nothing for a store that is gone', () => {
    const shop = storeId('shop');
    state.savedLogs.save(shop, log('setup-a', ['x']));
    expect(state.stores.remove(shop)).toBe(true);
    expect(state.savedLogs.list(shop)).toEqual([]);
    expect(state.db.prepare('SELECT COUNT(*) AS n FROM saved_logs').get()).toEqual({ n: 0 });
    expect(state.savedLogs.save(shop, log('setup-b', ['y']))).toBe(false);
  });
});
