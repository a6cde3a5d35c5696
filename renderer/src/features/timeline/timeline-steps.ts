// Turns the flat event stream into steps: each started…completed/failed pair becomes one row
// with its duration; events without a start (notes) stand alone.
import type { TimelineEvent } from '../../../../preload/contract';

export type StepStatus = 'running' | 'completed' | 'failed' | 'stopped';

export type StepRow = {
  key: string;
  step: string;
  status: StepStatus;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  /** From the first event of the timeline to this step's start (or its only event). */
  offsetMs: number;
  messages: string[];
};

const ms = (iso: string) => Date.parse(iso);

/** An end event's row status: a step a killed process left open ("interrupted") stopped, it did not fail. */
const endStatus = (status: Exclude<TimelineEvent['status'], 'started'>): StepStatus =>
  status === 'interrupted' ? 'stopped' : status;

export function buildSteps(events: TimelineEvent[]): StepRow[] {
  const rows: StepRow[] = [];
  const open = new Map<string, StepRow>();
  const first = events[0] ? ms(events[0].timestamp) : 0;
  const stopOpen = (except?: string) => {
    for (const [step, row] of open) {
      if (step === except) continue;
      row.status = 'stopped';
      open.delete(step);
    }
  };

  for (const event of events) {
    const row = open.get(event.step);
    if (event.status === 'started') {
      // Started again without an end: the earlier attempt was abandoned (a retry or a restart).
      if (row) row.status = 'stopped';
      const next: StepRow = {
        key: `${event.step}-${event.id}`,
        step: event.step,
        status: 'running',
        startedAt: event.timestamp,
        endedAt: null,
        durationMs: null,
        offsetMs: ms(event.timestamp) - first,
        messages: [event.message],
      };
      rows.push(next);
      open.set(event.step, next);
      continue;
    }
    if (row) {
      row.status = endStatus(event.status);
      row.endedAt = event.timestamp;
      row.durationMs = ms(event.timestamp) - ms(row.startedAt ?? event.timestamp);
      if (event.message && event.message !== row.messages.at(-1)) row.messages.push(event.message);
      open.delete(event.step);
    } else {
      rows.push({
        key: `${event.step}-${event.id}`,
        step: event.step,
        status: endStatus(event.status),
        startedAt: null,
        endedAt: event.timestamp,
        durationMs: null,
        offsetMs: ms(event.timestamp) - first,
        messages: [event.message],
      });
    }
    // A failure ends the pass: steps still open in it will not finish.
    if (event.status === 'failed') stopOpen(event.step);
  }
  return rows;
}

/** The total time from the first event to the last. */
export function timelineSpanMs(events: TimelineEvent[]): number | null {
  const first = events[0];
  const last = events.at(-1);
  return first && last ? ms(last.timestamp) - ms(first.timestamp) : null;
}
