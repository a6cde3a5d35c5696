// The Logs tab's options as requests: any line count, timestamps, the previous container, a
// saved setup log (and the fall-back to it when the setup pod is gone); plus the small helpers.
import { describe, expect, it } from 'vitest';
import { ok, type ResponseOf } from '../../../../preload/contract';
import { createFakeApi } from '../../api/fake-api';
import { logFileName } from './download-log';
import { matchText } from './log-search';
import { createLogsStore } from './logs.state';
import { tailError } from './tail-input';

const savedSetup = {
  pod: 'woocommerce-setup-x1',
  container: 'wp-cli',
  component: 'setup',
  outcome: 'failed' as const,
  savedAt: '2026-12-01T10:00:00.000Z',
  lineCount: 2,
  truncated: false,
};
const logs = (overrides: Partial<ResponseOf<'getLogs'>> = {}): ResponseOf<'getLogs'> => ({
  pod: 'wordpress-abc',
  container: 'wordpress',
  lines: ['one', 'two'],
  source: 'live',
  pods: [
    { name: 'wordpress-abc', component: 'wordpress', containers: ['wordpress'], restarts: { wordpress: 2 } },
  ],
  saved: [savedSetup],
  ...overrides,
});

describe('logs options', () => {
  it('asks for any line count, timestamps and the previous container, and forgets previous on a new pod', async () => {
    const api = createFakeApi();
    api.respond('getLogs', ok(logs()));
    const store = createLogsStore(api, 's1');
    await store.getState().load();
    await store.getState().chooseTail(1234);
    await store.getState().setTimestamps(true);
    await store.getState().setPrevious(true);
    expect(api.calls.at(-1)?.request).toEqual({
      id: 's1',
      pod: 'wordpress-abc',
      container: 'wordpress',
      tailLines: 1234,
      timestamps: true,
      previous: true,
    });
    await store.getState().choosePod('mysql-xyz');
    expect(api.calls.at(-1)?.request).toEqual({
      id: 's1',
      pod: 'mysql-xyz',
      tailLines: 1234,
      timestamps: true,
    });
  });

  it('reads a saved setup log by pod, without container or previous, and stops a follow first', async () => {
    const api = createFakeApi();
    api.respond('getLogs', ok(logs()));
    api.respond('startLogFollow', ok({ subscriptionId: 'sub-1' }));
    api.respond('stopLogFollow', ok({}));
    const store = createLogsStore(api, 's1');
    store.getState().attach();
    await store.getState().load();
    await store.getState().startFollow();
    api.respond(
      'getLogs',
      ok(logs({ pod: savedSetup.pod, container: 'wp-cli', source: 'saved', lines: ['e'] })),
    );
    await store.getState().chooseSaved(savedSetup.pod);
    expect(api.calls.slice(-2)).toEqual([
      { name: 'stopLogFollow', request: { subscriptionId: 'sub-1' } },
      { name: 'getLogs', request: { id: 's1', pod: savedSetup.pod, tailLines: 100, saved: true } },
    ]);
    expect(store.getState()).toMatchObject({
      saved: true,
      following: false,
      lines: ['e'],
      savedLogs: [savedSetup],
    });
  });

  it('shows the saved log when "Open logs" asked for a setup pod that is gone', async () => {
    const api = createFakeApi();
    api.respond('getLogs', ok(logs({ pod: savedSetup.pod, container: 'wp-cli', source: 'saved' })));
    const store = createLogsStore(api, 's1', 'setup');
    await store.getState().load();
    expect(api.calls.at(-1)?.request).toEqual({ id: 's1', pod: 'setup', tailLines: 100 });
    expect(store.getState()).toMatchObject({ saved: true, pod: savedSetup.pod });
  });
});

describe('log helpers', () => {
  it('validates the typed line count in words', () => {
    expect(tailError('250')).toBeNull();
    expect(tailError('10000')).toBeNull();
    expect(tailError('0')).toBe('Lines: from 1 to 10000');
    expect(tailError('10001')).toBe('Lines: from 1 to 10000');
    expect(tailError('2.5')).toBe('Lines: a whole number from 1 to 10000');
    expect(tailError('')).toBe('Lines: a whole number from 1 to 10000');
  });

  it('names a download <slug>-<component>-<date>.log', () => {
    expect(logFileName('tools-shop', 'wordpress', new Date(2026, 11, 1, 9, 5, 7))).toBe(
      'tools-shop-wordpress-2026-12-01-090507.log',
    );
    expect(logFileName('a', 'we/ird name', new Date(2026, 0, 2, 3, 4, 5))).toBe(
      'a-we-ird-name-2026-01-02-030405.log',
    );
  });

  it('counts matches as "3 of 12"', () => {
    expect(matchText('', { index: 0, count: 3 })).toBe('');
    expect(matchText('x', { index: 2, count: 12 })).toBe('3 of 12');
    expect(matchText('x', { index: -1, count: 0 })).toBe('No matches');
    expect(matchText('x', { index: -1, count: 1000 })).toBe('1000+ matches');
  });
});
