import { describe, expect, it } from 'vitest';
import { err, ok, type ResponseOf } from '../../../../preload/contract';
import { createFakeApi } from '../../api/fake-api';
import { MAX_LOG_LINES, createLogsStore } from './logs.state';

const logs = (overrides: Partial<ResponseOf<'getLogs'>> = {}): ResponseOf<'getLogs'> => ({
  pod: 'wordpress-abc',
  container: 'wordpress',
  lines: ['one', 'two'],
  source: 'live',
  saved: [],
  pods: [
    { name: 'mysql-xyz', component: 'mysql', containers: ['mysql'], restarts: {} },
    { name: 'wordpress-abc', component: 'wordpress', containers: ['wordpress'], restarts: {} },
  ],
  ...overrides,
});

describe('logs store', () => {
  it('loads the default tail and the pods to pick from', async () => {
    const api = createFakeApi();
    api.respond('getLogs', ok(logs()));
    const store = createLogsStore(api, 's1');
    await store.getState().load();
    expect(api.calls).toEqual([{ name: 'getLogs', request: { id: 's1', tailLines: 100 } }]);
    expect(store.getState()).toMatchObject({
      pod: 'wordpress-abc',
      container: 'wordpress',
      lines: ['one', 'two'],
    });
    expect(store.getState().pods).toHaveLength(2);
  });

  it('asks again for another pod, container or line count', async () => {
    const api = createFakeApi();
    api.respond('getLogs', ok(logs()));
    const store = createLogsStore(api, 's1');
    await store.getState().load();
    api.respond('getLogs', ok(logs({ pod: 'mysql-xyz', container: 'mysql', lines: ['ready'] })));
    await store.getState().choosePod('mysql-xyz');
    expect(api.calls.at(-1)?.request).toEqual({ id: 's1', pod: 'mysql-xyz', tailLines: 100 });
    await store.getState().chooseTail(500);
    expect(api.calls.at(-1)?.request).toEqual({
      id: 's1',
      pod: 'mysql-xyz',
      container: 'mysql',
      tailLines: 500,
    });
    expect(store.getState().lines).toEqual(['ready']);
  });

  it('follows: lines that came before the id are kept, later ones appended, the end noticed', async () => {
    const api = createFakeApi();
    api.respond('getLogs', ok(logs()));
    const store = createLogsStore(api, 's1');
    const detach = store.getState().attach();
    await store.getState().load();
    api.startLogFollow = async () => {
      api.emit('logLines', { subscriptionId: 'sub-1', lines: ['one', 'two'], ended: false });
      return ok({ subscriptionId: 'sub-1' });
    };
    const reset = store.getState().resetKey;
    await store.getState().startFollow();
    expect(store.getState()).toMatchObject({ following: true, lines: ['one', 'two'] });
    expect(store.getState().resetKey).toBeGreaterThan(reset);
    api.emit('logLines', { subscriptionId: 'someone-else', lines: ['noise'], ended: false });
    api.emit('logLines', { subscriptionId: 'sub-1', lines: ['three'], ended: false });
    expect(store.getState().lines).toEqual(['one', 'two', 'three']);
    api.emit('logLines', { subscriptionId: 'sub-1', lines: [], ended: true });
    expect(store.getState()).toMatchObject({ following: false, notice: expect.stringMatching(/ended/) });
    detach();
  });

  it('stops the follow when detached, and one that finishes starting after a stop', async () => {
    const api = createFakeApi();
    api.respond('stopLogFollow', ok({}));
    const store = createLogsStore(api, 's1');
    const detach = store.getState().attach();
    api.respond('startLogFollow', ok({ subscriptionId: 'sub-1' }));
    await store.getState().startFollow();
    detach();
    expect(api.calls.at(-1)).toEqual({ name: 'stopLogFollow', request: { subscriptionId: 'sub-1' } });
    expect(store.getState().following).toBe(false);

    let finish: (() => void) | undefined;
    api.startLogFollow = () =>
      new Promise((resolve) => (finish = () => resolve(ok({ subscriptionId: 'sub-2' }))));
    const starting = store.getState().startFollow();
    await store.getState().stopFollow();
    finish?.();
    await starting;
    expect(api.calls.at(-1)).toEqual({ name: 'stopLogFollow', request: { subscriptionId: 'sub-2' } });
    expect(store.getState()).toMatchObject({ following: false, followBusy: false });
  });

  it('shows why a follow could not start and keeps only the newest lines', async () => {
    const api = createFakeApi();
    const store = createLogsStore(api, 's1');
    store.getState().attach();
    api.respond('startLogFollow', err('invalid_state', 'Container mysql is not running yet'));
    await store.getState().startFollow();
    expect(store.getState()).toMatchObject({ following: false, error: 'Container mysql is not running yet' });
    api.respond('startLogFollow', ok({ subscriptionId: 'sub-3' }));
    await store.getState().startFollow();
    const many = Array.from({ length: MAX_LOG_LINES + 10 }, (_, i) => `line ${i}`);
    api.emit('logLines', { subscriptionId: 'sub-3', lines: many, ended: false });
    expect(store.getState().lines).toHaveLength(MAX_LOG_LINES);
    expect(store.getState().dropped).toBe(10);
    expect(store.getState().lines[0]).toBe('line 10');
  });
});
