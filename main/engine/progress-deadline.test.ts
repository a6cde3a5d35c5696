// Issue 7's rule: fail after a stretch without progress or after the overall cap, whichever
// comes first; an image pull under way is progress; both limits are named when one fires; an
// attempt rebuilt after a restart keeps its clocks from the timeline.
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../preload/contract';
import type { ApiObject } from '../kube/kube-object';
import { attemptEvents, Attempts } from './attempt';
import { formatDuration, ProgressDeadline } from './deadline';
import type { NamespaceSnapshot } from './observe';
import { ProgressTracker, pullInProgress } from './progress';
import type { StoreWriter } from './store-writer';

const MIN = 60_000;
const limits = { noProgressMs: 10 * MIN, overallMs: 30 * MIN };

const empty = (): NamespaceSnapshot => ({
  pods: [],
  pvcs: [],
  events: [],
  deployments: [],
  jobs: [],
  storageClasses: [],
});
const waitingPod: ApiObject = {
  metadata: { name: 'mysql-1', uid: 'p1' },
  status: { containerStatuses: [{ name: 'mysql', state: { waiting: { reason: 'ContainerCreating' } } }] },
};
const event = (reason: string, message: string, uid: string): ApiObject => ({
  metadata: { name: `e-${uid}`, uid },
  reason,
  message,
  involvedObject: { kind: 'Pod', name: 'mysql-1', uid: 'p1' },
});

describe('ProgressDeadline', () => {
  it('fails on no progress first when nothing moves, naming both limits', () => {
    const deadline = new ProgressDeadline(limits, 0, 0);
    expect(deadline.hit(10 * MIN - 1)).toBeNull();
    expect(deadline.dueInMs(0)).toBe(10 * MIN);
    expect(deadline.hit(10 * MIN)).toBe('no-progress');
    expect(deadline.message('no-progress', 'mysql to become available')).toBe(
      'timed out after 10 min without progress waiting for mysql to become available (the limit without progress; the overall limit is 30 min)',
    );
  });

  it('names both limits for the timeline before any has run out', () => {
    expect(new ProgressDeadline(limits, 0, 0).describeLimits()).toBe(
      'fails after 10 min without progress or 30 min in all',
    );
  });

  it('keeps a progressing store going until the overall cap', () => {
    const deadline = new ProgressDeadline(limits, 0, 0);
    for (let t = 5 * MIN; t < 30 * MIN; t += 5 * MIN) {
      deadline.progressed(t);
      expect(deadline.hit(t)).toBeNull();
    }
    expect(deadline.hit(30 * MIN)).toBe('overall');
    expect(deadline.message('overall', 'the setup job to succeed', ': still pulling')).toBe(
      'timed out after 30 min waiting for the setup job to succeed: still pulling (the overall limit; a store also fails after 10 min without progress)',
    );
  });

  it('gives back time the cluster was unreachable', () => {
    const deadline = new ProgressDeadline(limits, 0, 0);
    deadline.extend(20 * MIN);
    expect(deadline.hit(29 * MIN)).toBeNull();
  });

  it('says durations the way a user reads them', () => {
    expect([2_000, 90_000, 10 * MIN, 90 * MIN, 150 * MIN].map(formatDuration)).toEqual([
      '2 s',
      '90 s',
      '10 min',
      '90 min',
      '2 h 30 min',
    ]);
  });
});

describe('ProgressTracker', () => {
  it('counts an image pull under way as progress, and a finished pull only once', () => {
    const pulling = {
      ...empty(),
      pods: [waitingPod],
      events: [event('Pulling', 'Pulling image "mysql:8.4"', 'e1')],
    };
    expect(pullInProgress(pulling)).toBe(true);
    const tracker = new ProgressTracker();
    expect(tracker.observe(pulling)).toBe(true);
    expect(tracker.observe(pulling)).toBe(true);
    const pulled = {
      ...pulling,
      events: [...pulling.events, event('Pulled', 'Successfully pulled image "mysql:8.4" in 3s', 'e2')],
    };
    expect(pullInProgress(pulled)).toBe(false);
    expect(tracker.observe(pulled)).toBe(true);
    expect(tracker.observe(pulled)).toBe(false);
  });

  it('does not take the first look (after a restart) for progress', () => {
    const tracker = new ProgressTracker();
    const ready = {
      ...empty(),
      pvcs: [{ metadata: { name: 'data', uid: 'c1' }, status: { phase: 'Bound' } }],
    };
    expect(tracker.observe(ready)).toBe(false);
    expect(tracker.observe(ready)).toBe(false);
  });
});

describe('Attempts after a restart', () => {
  const row = (id: number, status: TimelineEvent['status'], at: string): TimelineEvent => ({
    id,
    storeId: 's',
    step: 'namespace',
    status,
    message: '',
    timestamp: at,
  });

  it('rebuilds the clocks from the attempt’s timeline: started at its first row, last progress at its last', () => {
    const rows = [
      row(1, 'started', '2026-01-01T10:00:00.000Z'),
      row(2, 'failed', '2026-01-01T10:05:00.000Z'),
      row(3, 'started', '2026-01-01T11:00:00.000Z'),
      row(4, 'completed', '2026-01-01T11:08:00.000Z'),
      row(5, 'interrupted', '2026-01-01T11:20:00.000Z'),
    ];
    expect(attemptEvents(rows).map((r) => r.id)).toEqual([3, 4]);
    const now = Date.parse('2026-01-01T11:17:00.000Z');
    const clock = { now: () => now, setTimeout: () => ({ due: 0, cancel: () => undefined }) };
    const attempts = new Attempts({} as StoreWriter, { list: () => rows }, clock);
    const store = { id: 's', status: 'Provisioning' } as Parameters<Attempts['for']>[0];
    const attempt = attempts.for(store, 2, limits, now);
    // 11:08 + 10 min: the no-progress limit is a minute away; the overall one (11:30) further.
    expect(attempt.deadline.dueInMs(now)).toBe(MIN);
    expect(attempt.deadline.hit(now + MIN)).toBe('no-progress');
    expect(attempt.retrying).toBe(false);
  });
});
