// The line under a card's title that says what is happening: the running step with its clock
// and "step N of M", the place in the queue and what it waits for, or why a store is not well.
import { useStore } from 'zustand';
import type { LiveStatus, Store, TimelineEvent } from '../../../../preload/contract';
import { useAppStores } from '../../app-stores-context';
import { formatDuration } from '../../shared/format';
import { formatElapsed, runningStep } from '../../shared/progress';
import { stepLabel } from '../../shared/step-label';
import { useNow } from '../../shared/use-now';

const EMPTY: TimelineEvent[] = [];

export function CardProgress({
  store,
  live,
  queuePlace,
  estimateMs,
}: {
  store: Store;
  live: LiveStatus | undefined;
  queuePlace: number | null;
  estimateMs: number | null;
}) {
  const { timeline, settings } = useAppStores();
  const events = useStore(timeline, (s) => s.byStore[store.id] ?? EMPTY);
  const concurrency = useStore(settings, (s) => s.settings?.concurrency ?? null);
  const running = store.status === 'Provisioning' ? runningStep(events) : null;
  const now = useNow(running !== null);

  if (store.status === 'Queued') {
    return (
      <p className="card-progress" role="status">
        {queuePlace === 1 ? 'Next in line' : queuePlace ? `Number ${queuePlace} in line` : 'Queued'}
        {' — waits for a free provisioning slot'}
        {concurrency ? ` (${concurrency} at a time)` : ''}
      </p>
    );
  }
  if (store.status === 'Provisioning') {
    const elapsed = now - Date.parse(store.createdAt);
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
