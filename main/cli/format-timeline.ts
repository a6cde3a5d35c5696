// Timeline output: the full table of `events`, and the live progress lines of `--wait`.
import type { TimelineEvent } from '../../preload/contract';
import { formatTable } from './format-table';

export function formatTimeline(events: TimelineEvent[]): string {
  if (events.length === 0) return 'No events yet.';
  return formatTable(
    ['time', 'step', 'status', 'message'],
    events.map((e) => [e.timestamp, e.step, e.status, e.message]),
  );
}

const MARK: Record<TimelineEvent['status'], string> = {
  started: '…',
  completed: '✓',
  failed: '✗',
  interrupted: '↺',
};

/** One progress line: elapsed time since the wait began, steps done so far, the event. */
export function formatProgressLine(event: TimelineEvent, elapsedMs: number, stepsDone: number): string {
  const elapsed = `${(Math.max(0, elapsedMs) / 1000).toFixed(1)}s`.padStart(7);
  const message = event.message.replace(/[\p{Cc}]/gu, ' ');
  return `[${elapsed}] ${MARK[event.status]} ${event.step} ${event.status}${message ? `: ${message}` : ''} (${stepsDone} done)`;
}
