import { describe, expect, it } from 'vitest';
import type { KubeClient } from '../../kube/client';
import type { ApiObject } from '../../kube/kube-object';
import { PodEventReader } from './pod-event-reader';

const unhealthy = { metadata: { name: 'wp.1' }, reason: 'Unhealthy' } as ApiObject;

/** A client whose event list is whatever `events` holds at the time of the call. */
function fakeClient(events: { items: ApiObject[] }, lists: { n: number }): KubeClient {
  return {
    list: async () => {
      lists.n += 1;
      return { items: [...events.items] };
    },
  } as unknown as KubeClient;
}

describe('PodEventReader', () => {
  it('reads an unwell namespace again by itself once the first read is stale, and stops when told it is well', async () => {
    const events = { items: [] as ApiObject[] };
    const lists = { n: 0 };
    let judged = 0;
    const reader = new PodEventReader(
      () => fakeClient(events, lists),
      () => (judged += 1),
      40,
    );
    // A judgement: the first read finds no event yet (the kubelet has not probed).
    expect(reader.eventsFor('ctx', 'store-a')).toEqual([]);
    await expect.poll(() => lists.n).toBe(1);
    events.items = [unhealthy];
    // Nothing else happens in the namespace; the reader asks for a judgement itself.
    await expect.poll(() => judged).toBeGreaterThan(0);
    reader.eventsFor('ctx', 'store-a');
    await expect.poll(() => reader.eventsFor('ctx', 'store-a')).toEqual([unhealthy]);

    // Well again: forgotten, and no more reads of its own.
    reader.keepOnly(new Set());
    const after = lists.n;
    await new Promise((r) => setTimeout(r, 150));
    expect(lists.n).toBe(after);
    reader.close();
  });
});
