import { describe, expect, it } from 'vitest';
import { err, ok, type Result, type StoreHealth } from '../../../../preload/contract';
import { createFakeApi } from '../../api/fake-api';
import { createHealthStore } from './health.state';

const health = (observedAt: string): StoreHealth => ({
  components: [],
  pods: [],
  pvcs: [],
  quota: null,
  observedAt,
});

describe('health store', () => {
  it('shows the latest health and keeps it under a later error', async () => {
    const api = createFakeApi();
    const store = createHealthStore(api, 's1');
    api.respond('getHealth', ok(health('2026-01-01T10:00:00.000Z')));
    await store.getState().refresh();
    expect(store.getState()).toMatchObject({ loading: false, error: null });
    expect(api.calls).toEqual([{ name: 'getHealth', request: { id: 's1' } }]);
    api.respond('getHealth', err('cluster_unreachable', 'The cluster does not answer'));
    await store.getState().refresh();
    expect(store.getState()).toMatchObject({
      error: 'The cluster does not answer',
      health: { observedAt: '2026-01-01T10:00:00.000Z' },
    });
  });

  it('drops an answer overtaken by a newer refresh', async () => {
    const api = createFakeApi();
    const answers: Array<(r: Result<StoreHealth>) => void> = [];
    api.getHealth = () => new Promise((resolve) => answers.push(resolve));
    const store = createHealthStore(api, 's1');
    const first = store.getState().refresh();
    const second = store.getState().refresh();
    answers[1]?.(ok(health('new')));
    await second;
    answers[0]?.(ok(health('old')));
    await first;
    expect(store.getState().health?.observedAt).toBe('new');
    expect(store.getState().loading).toBe(false);
  });
});
