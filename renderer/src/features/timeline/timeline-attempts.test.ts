import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../../preload/contract';
import { buildAttempts } from './timeline-attempts';

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
