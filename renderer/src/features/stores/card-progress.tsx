// The line under a card's title that says what is happening: the running step with its clock
// and "step N of M", the place in the queue and what it waits for, or why a store is not well.
import { useStore } from 'zustand';
import type { LiveStatus, Store, TimelineEvent } from '../../../../preload/contract';
import { useAppStores } from '../../app-stores-context';
import { formatDuration } from '../../shared/format';
import { formatElapsed, runningStep } from '../../shared/progress';
import { stepLabel } from '../../shared/step-label';
import { currentAttemptStart } from '../timeline/timeline-attempts';
import { useNow } from '../../shared/use-now';
import { queuedLine, stalledLine } from './queue-wait';

const EMPTY: TimelineEvent[] = [];

export function CardProgress({
  store,
  live,
  queuePlace,
  provisioning,
  estimateMs,
}: {
  store: Store;
  live: LiveStatus | undefined;
  queuePlace: number | null;
  /** Stores of the context provisioning now (what a Queued one waits behind). */
  provisioning: number;
  estimateMs: number | null;
}) {
  const { timeline, settings, stores } = useAppStores();
  const health = useStore(stores, (s) => s.health);
  const events = useStore(timeline, (s) => s.byStore[store.id] ?? EMPTY);
  const concurrency = useStore(settings, (s) => s.settings?.concurrency ?? null);
  const running = store.status === 'Provisioning' ? runningStep(events) : null;
  const now = useNow(running !== null);

  if (store.status === 'Queued') {
    const line = queuedLine({ place: queuePlace, provisioning, concurrency, health });
    return (
      <p className="card-progress card-progress-wrap" role="status" title={line}>
        {line}
      </p>
    );
  }
  if (store.status === 'Provisioning') {
    const elapsed = now - Date.parse(currentAttemptStart(events, store.createdAt));
    const stalled = stalledLine(health);
    if (stalled)
      return (
        <p className="card-progress card-progress-wrap card-stalled" role="status" title={stalled}>
          {stalled}
        </p>
      );
    return (
      <p className="card-progress" role="status">
        {running ? (
          <>
            {running.index ? `Step ${running.index} of ${running.total}: ` : ''}
            {stepLabel(running.step)} · {formatElapsed(now - Date.parse(running.startedAt))}
          </>
        ) : (
          'Provisioning…'
        )}
        {estimateMs !== null && elapsed < estimateMs && (
          <span className="muted"> · about {formatDuration(estimateMs - elapsed)} left</span>
        )}
      </p>
    );
  }
  if (store.status === 'Ready' && live && live.state !== 'Ready') {
    return (
      <p
        className={`card-progress card-live card-live-${live.state.toLowerCase()}`}
        title={live.reason ?? ''}
      >
        {live.reason}
      </p>
    );
  }
  return null;
}
