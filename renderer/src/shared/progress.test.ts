import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../preload/contract';
import { formatElapsed, runningStep } from './progress';

let id = 0;
const ev = (step: string, status: TimelineEvent['status'], second: number): TimelineEvent => ({
  id: ++id,
  storeId: 's',
  step,
  status,
  message: '',
  timestamp: `2026-01-01T10:00:${String(second).padStart(2, '0')}.000Z`,
});

describe('running step', () => {
  it('is the newest started step, with its place among the provisioning steps', () => {
    const events = [
      ev('namespace', 'completed', 1),
      ev('secrets', 'completed', 2),
      ev('wait-mysql', 'started', 3),
    ];
    expect(runningStep(events)).toEqual({
      step: 'wait-mysql',
      startedAt: '2026-01-01T10:00:03.000Z',
      index: 5,
      total: 7,
    });
  });

  it('counts every wait-<component> as the one wait phase (Medusa waits for other components)', () => {
    expect(runningStep([ev('wait-medusa-server', 'started', 1)])).toMatchObject({ index: 5, total: 7 });
    expect(runningStep([ev('checkout', 'started', 1)])).toMatchObject({ index: 7, total: 7 });
    // A note outside the sequence (a retry's replacement of stuck pods) has no place in it.
    expect(runningStep([ev('retry', 'started', 1)])).toMatchObject({ index: null, total: null });
  });

  it('is none between steps or after the last one', () => {
    expect(runningStep([ev('setup', 'started', 1), ev('setup', 'completed', 9)])).toBeNull();
    expect(runningStep([])).toBeNull();
  });

  it('reads as a clock', () => {
    expect(formatElapsed(65_400)).toBe('1:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
  });
});
