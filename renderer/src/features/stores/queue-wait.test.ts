import { describe, expect, it } from 'vitest';
import type { ContextHealth } from '../../../../preload/contract';
import { queuedLine, stalledLine } from './queue-wait';

const down: ContextHealth = {
  context: 'kube-sim',
  reachable: false,
  message: 'nothing is listening at its address (connection refused)',
  since: '2026-01-01T10:00:00Z',
  checkedAt: '2026-01-01T10:00:02Z',
};
const up: ContextHealth = { ...down, reachable: true, message: null };

describe('what a queued store waits for', () => {
  it('a free slot while the limit is reached, with how many run and may run', () => {
    expect(queuedLine({ place: 2, provisioning: 3, concurrency: 3, health: up })).toBe(
      'Number 2 in line — waiting for a free slot: 3 stores provisioning (3 at a time)',
    );
    expect(queuedLine({ place: 1, provisioning: 1, concurrency: 1, health: null })).toBe(
      'Next in line — waiting for a free slot: 1 store provisioning (1 at a time)',
    );
  });

  it('the cluster, whatever the slots, while it does not answer', () => {
    expect(queuedLine({ place: 1, provisioning: 0, concurrency: 3, health: down })).toBe(
      'Next in line — waiting for the cluster: nothing is listening at its address (connection refused)',
    );
    expect(stalledLine(down)).toBe(
      'Waiting for the cluster: nothing is listening at its address (connection refused)',
    );
    expect(stalledLine(up)).toBeNull();
  });

  it('nothing in particular when a slot is free: the worker is about to start it', () => {
    expect(queuedLine({ place: null, provisioning: 1, concurrency: 3, health: up })).toBe(
      'Queued — starting as soon as the worker picks it up',
    );
  });
});
