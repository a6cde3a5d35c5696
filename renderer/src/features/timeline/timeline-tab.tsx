// The Timeline tab: every step of the store's life with its outcome, messages and duration,
// filling in live as the engine writes events.
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { Store, TimelineEvent } from '../../../../preload/contract';
import { formatClock, formatDuration } from '../../shared/format';
import { stepLabel } from '../../shared/step-label';
import { useAppStores } from '../../app-stores-context';
import { buildSteps, timelineSpanMs, type StepRow } from './timeline-steps';

const EMPTY: TimelineEvent[] = [];

const STATUS_TEXT: Record<StepRow['status'], string> = {
  running: 'in progress',
  completed: 'completed',
  failed: 'failed',
  stopped: 'did not finish',
};

function StepItem({ row }: { row: StepRow }) {
  const time = row.startedAt ?? row.endedAt ?? '';
  return (
    <li className={`step step-${row.status}`}>
      <span className="step-marker" aria-hidden="true">
        {row.status === 'running' ? <span className="spinner" /> : null}
      </span>
      <div className="step-body">
        <div className="step-head">
          <span className="step-title">{stepLabel(row.step)}</span>
          <code className="step-code">{row.step}</code>
          <span className={`step-status step-status-${row.status}`}>{STATUS_TEXT[row.status]}</span>
          <span className="step-times muted">
            <time dateTime={time}>{formatClock(time)}</time>
            {row.offsetMs > 0 && <> · +{formatDuration(row.offsetMs)}</>}
            {row.durationMs !== null && <> · took {formatDuration(row.durationMs)}</>}
          </span>
        </div>
        {row.messages.map((message, i) => (
          <p key={i} className="step-message">
            {message}
          </p>
        ))}
      </div>
    </li>
  );
}

export function TimelineTab({ store }: { store: Store }) {
  const { timeline } = useAppStores();
  const events = useStore(timeline, (s) => s.byStore[store.id] ?? EMPTY);
  const error = useStore(timeline, (s) => s.errors[store.id] ?? null);
  const rows = useMemo(() => buildSteps(events), [events]);
  const span = timelineSpanMs(events);

  useEffect(() => {
    void timeline.getState().ensure(store.id);
  }, [timeline, store.id]);

  return (
    <div className="timeline-tab">
      {error && (
        <p className="feedback feedback-error" role="alert">
          {error}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="muted">No steps yet: the store is waiting for its turn in the queue.</p>
      ) : (
        <>
          <p className="muted">
            {events.length} events{span !== null && span > 0 ? ` over ${formatDuration(span)}` : ''}
          </p>
          <ol className="steps" aria-label={`Timeline of ${store.name}`}>
            {rows.map((row) => (
              <StepItem key={row.key} row={row} />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
