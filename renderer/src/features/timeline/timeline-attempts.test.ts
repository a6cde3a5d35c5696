import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../../preload/contract';
import { buildAttempts, currentAttemptStart } from './timeline-attempts';

let nextId = 1;
const at = (second: number, step: string, status: TimelineEvent['status'], message = `${step} ${status}`) =>
  ({
    id: nextId++,
    storeId: 's1',
    step,
    status,
    message,
    timestamp: new Date(Date.UTC(2026, 0, 1, 10, 0, second)).toISOString(),
  }) satisfies TimelineEvent;

describe('buildAttempts', () => {
  it('is one attempt when the store was never retried', () => {
    const attempts = buildAttempts([at(0, 'namespace', 'started'), at(1, 'namespace', 'completed')]);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ number: 1, reason: null, latest: true, failed: null });
  });

  it('starts a new attempt at each retry marker; the earlier one keeps its failed step', () => {
    const attempts = buildAttempts([
      at(0, 'wait-mysql', 'started'),
      at(4, 'wait-mysql', 'failed', 'ImagePullBackOff'),
      at(9, 'attempt', 'completed', 'Attempt 2: retry after MySQL start failed'),
      at(10, 'wait-mysql', 'started'),
      at(12, 'wait-mysql', 'completed'),
    ]);
    expect(attempts.map((a) => [a.number, a.latest, a.rows.map((r) => `${r.step}:${r.status}`)])).toEqual([
      [1, false, ['wait-mysql:failed']],
      [2, true, ['wait-mysql:completed']],
    ]);
    expect(attempts[0]?.failed?.messages).toContain('ImagePullBackOff');
    expect(attempts[1]).toMatchObject({
      reason: 'Attempt 2: retry after MySQL start failed',
      startedAt: '2026-01-01T10:00:09.000Z',
      failed: null,
    });
  });
});

describe('currentAttemptStart', () => {
  const created = new Date(Date.UTC(2026, 0, 1, 10, 0, 0)).toISOString();

  it('is the creation time while the store was never retried', () => {
    expect(
      currentAttemptStart([at(0, 'namespace', 'started'), at(5, 'wait-mysql', 'started')], created),
    ).toBe(created);
  });

  it("is the latest retry's marker, so a retried store's estimate counts from its new attempt", () => {
    const events = [
      at(0, 'wait-mysql', 'failed'),
      at(30, 'attempt', 'completed', 'Attempt 2: retry after MySQL start failed'),
      at(31, 'wait-mysql', 'failed'),
      at(50, 'attempt', 'completed', 'Attempt 3: retry after MySQL start failed'),
      at(51, 'namespace', 'started'),
    ];
    expect(currentAttemptStart(events, created)).toBe(events[3]?.timestamp);
  });
});
