import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../preload/contract';
import { openSteps } from './interrupted-steps';

let id = 0;
const ev = (step: string, status: TimelineEvent['status']): TimelineEvent => ({
  id: ++id,
  storeId: 's',
  step,
  status,
  message: '',
  timestamp: new Date(1_700_000_000_000 + id * 1000).toISOString(),
});

describe('openSteps', () => {
  it('lists the steps whose latest event is a start, in the order they started', () => {
    const events = [
      ev('namespace', 'started'),
      ev('namespace', 'completed'),
      ev('wait-mysql', 'started'),
      ev('wait-wordpress', 'started'),
      ev('wait-mysql', 'completed'),
      ev('setup', 'failed'),
      ev('setup', 'started'),
    ];
    expect(openSteps(events)).toEqual(['wait-wordpress', 'setup']);
  });

  it('treats an interrupted or failed end like any other end', () => {
    expect(openSteps([ev('setup', 'started'), ev('setup', 'interrupted')])).toEqual([]);
    expect(openSteps([ev('delete', 'started'), ev('delete', 'failed')])).toEqual([]);
    expect(openSteps([])).toEqual([]);
  });
});
