// The Timeline tab: every step of the store's life with its outcome, messages and duration,
// filling in live as the engine writes events.
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { Store, TimelineEvent } from '../../../../preload/contract';
import { formatClock, formatDuration } from '../../shared/format';
import { stepLabel } from '../../shared/step-label';
import { useAppStores } from '../../app-stores-context';
import { timelineSpanMs, type StepRow } from './timeline-steps';
import { buildAttempts, type Attempt } from './timeline-attempts';

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

function StepList({ rows, label }: { rows: StepRow[]; label: string }) {
  return (
    <ol className="steps" aria-label={label}>
      {rows.map((row) => (
        <StepItem key={row.key} row={row} />
      ))}
    </ol>
  );
}

/** An earlier attempt, folded: its header says how it ended; its steps open on demand. */
function AttemptSection({ attempt, store }: { attempt: Attempt; store: Store }) {
  const reached = attempt.rows.some((r) => r.step === 'ready' && r.status === 'completed');
  const outcome = attempt.failed
    ? `failed at ${stepLabel(attempt.failed.step)}`
    : reached
      ? 'reached Ready'
      : attempt.latest
        ? 'in progress'
        : 'did not finish';
  // The header already names the attempt; the engine's line says it for the CLI's plain timeline.
  const reason = attempt.reason?.replace(/^Attempt \d+: /, '') ?? null;
  const title = `Attempt ${attempt.number}`;
  const head = (
    <>
      <span className="attempt-title">{title}</span>
      <span className={`attempt-outcome muted${attempt.failed ? ' attempt-failed' : ''}`}>{outcome}</span>
      {attempt.startedAt && (
        <time className="muted" dateTime={attempt.startedAt}>
          {formatClock(attempt.startedAt)}
        </time>
      )}
    </>
  );
  // The current attempt's list keeps the name a single-attempt timeline has.
  const list = (
    <StepList
      rows={attempt.rows}
      label={attempt.latest ? `Timeline of ${store.name}` : `${title} of ${store.name}`}
    />
  );
  if (attempt.latest) {
    return (
      <section className="attempt attempt-latest" aria-label={title}>
        <h3 className="attempt-head">{head}</h3>
        {reason && <p className="muted attempt-reason">{reason}</p>}
        {list}
      </section>
    );
  }
  return (
    <details className="attempt" aria-label={title}>
      <summary className="attempt-head">{head}</summary>
      {reason && <p className="muted attempt-reason">{reason}</p>}
      {list}
    </details>
  );
}

export function TimelineTab({ store }: { store: Store }) {
  const { timeline } = useAppStores();
  const events = useStore(timeline, (s) => s.byStore[store.id] ?? EMPTY);
  const error = useStore(timeline, (s) => s.errors[store.id] ?? null);
  const attempts = useMemo(() => buildAttempts(events), [events]);
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
      {events.length === 0 ? (
        <p className="muted">No steps yet: the store is waiting for its turn in the queue.</p>
      ) : (
        <>
          <p className="muted">
            {events.length === 1 ? '1 event' : `${events.length} events`}
            {span !== null && span > 0 ? ` over ${formatDuration(span)}` : ''}
          </p>
          {attempts.length === 1 && attempts[0] ? (
            <StepList rows={attempts[0].rows} label={`Timeline of ${store.name}`} />
          ) : (
            // Retried: the latest attempt open, the earlier ones folded and marked with how they ended.
            attempts.map((attempt) => <AttemptSection key={attempt.number} attempt={attempt} store={store} />)
          )}
        </>
      )}
    </div>
  );
}
