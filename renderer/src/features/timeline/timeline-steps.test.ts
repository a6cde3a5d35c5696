import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../../preload/contract';
import { buildSteps, timelineSpanMs } from './timeline-steps';

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

describe('buildSteps', () => {
  it('pairs starts with their ends, interleaved, with durations and offsets', () => {
    const rows = buildSteps([
      at(0, 'namespace', 'started'),
      at(1, 'namespace', 'completed'),
      at(1, 'wait-mysql', 'started'),
      at(2, 'wait-wordpress', 'started'),
      at(5, 'wait-wordpress', 'completed', 'wordpress is available'),
      at(7, 'wait-mysql', 'completed'),
      at(9, 'ready', 'completed', 'Store is ready'),
    ]);
    expect(rows.map((r) => [r.step, r.status, r.durationMs, r.offsetMs])).toEqual([
      ['namespace', 'completed', 1000, 0],
      ['wait-mysql', 'completed', 6000, 1000],
      ['wait-wordpress', 'completed', 3000, 2000],
      ['ready', 'completed', null, 9000],
    ]);
    expect(rows[2]?.messages).toEqual(['wait-wordpress started', 'wordpress is available']);
  });

  it('shows a step a killed process left open, then closed as interrupted, as stopped (not failed)', () => {
    const rows = buildSteps([
      at(0, 'setup', 'started'),
      at(30, 'setup', 'interrupted', 'Interrupted: the process stopped'),
      at(31, 'setup', 'started'),
      at(40, 'setup', 'completed'),
    ]);
    expect(rows.map((r) => [r.step, r.status, r.durationMs])).toEqual([
      ['setup', 'stopped', 30000],
      ['setup', 'completed', 9000],
    ]);
  });

  it('a failure ends the steps still open; a retry starts them afresh', () => {
    const rows = buildSteps([
      at(0, 'wait-mysql', 'started'),
      at(0, 'wait-wordpress', 'started'),
      at(4, 'wait-mysql', 'failed', 'ImagePullBackOff'),
      at(10, 'wait-mysql', 'started'),
      at(12, 'wait-mysql', 'completed'),
    ]);
    expect(rows.map((r) => [r.step, r.status])).toEqual([
      ['wait-mysql', 'failed'],
      ['wait-wordpress', 'stopped'],
      ['wait-mysql', 'completed'],
    ]);
    expect(rows[0]?.messages.at(-1)).toBe('ImagePullBackOff');
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);
  });

  it('a step started again without an end counts the first attempt as stopped', () => {
    const rows = buildSteps([at(0, 'setup', 'started'), at(3, 'setup', 'started')]);
    expect(rows.map((r) => r.status)).toEqual(['stopped', 'running']);
  });

  it('span of the whole timeline', () => {
    expect(timelineSpanMs([])).toBeNull();
    expect(timelineSpanMs([at(0, 'a', 'started'), at(30, 'a', 'completed')])).toBe(30_000);
  });
});
