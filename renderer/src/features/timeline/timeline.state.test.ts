import { describe, expect, it } from 'vitest';
import { err, ok, type TimelineEvent } from '../../../../preload/contract';
import { createFakeApi } from '../../api/fake-api';
import { createTimelineStore } from './timeline.state';

const event = (id: number, overrides: Partial<TimelineEvent> = {}): TimelineEvent => ({
  id,
  storeId: 'store-1',
  step: 'namespace',
  status: 'started',
  message: `event ${id}`,
  timestamp: `2026-01-01T10:00:0${id}.000Z`,
  ...overrides,
});

describe('timeline store', () => {
  it('loads a store once and keeps live events that arrived before the list', async () => {
    const api = createFakeApi();
    const timeline = createTimelineStore(api);
    const stop = timeline.getState().follow();
    api.emit('timelineEvent', event(3));
    api.respond('listEvents', ok([event(1), event(2), event(3)]));
    await timeline.getState().ensure('store-1');
    await timeline.getState().ensure('store-1');
    expect(timeline.getState().byStore['store-1']?.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(api.calls.filter((c) => c.name === 'listEvents')).toHaveLength(1);
    api.emit('timelineEvent', event(4, { status: 'completed' }));
    expect(timeline.getState().byStore['store-1']?.at(-1)).toMatchObject({ id: 4, status: 'completed' });
    stop();
    api.emit('timelineEvent', event(5));
    expect(timeline.getState().byStore['store-1']).toHaveLength(4);
  });

  it('keeps the error for the UI and loads again on the next ensure', async () => {
    const api = createFakeApi();
    const timeline = createTimelineStore(api);
    api.respond('listEvents', err('not_found', 'No store with id store-1'));
    await timeline.getState().ensure('store-1');
    expect(timeline.getState().errors['store-1']).toBe('No store with id store-1');
    api.respond('listEvents', ok([event(1)]));
    await timeline.getState().ensure('store-1');
    expect(timeline.getState().errors['store-1']).toBeUndefined();
    expect(timeline.getState().byStore['store-1']).toHaveLength(1);
  });

  it('forgets a removed store', async () => {
    const api = createFakeApi();
    const timeline = createTimelineStore(api);
    const stop = timeline.getState().follow();
    api.emit('timelineEvent', event(1));
    api.emit('storeRemoved', { id: 'store-1' });
    expect(timeline.getState().byStore['store-1']).toBeUndefined();
    stop();
  });
});
