// Timeline output: the full table of `events`, and the live progress lines of `--wait`.
import { provisionPhase, type TimelineEvent } from '../../preload/contract';
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

/**
 * One progress line: elapsed time since the wait began, the event, and where its step stands in
 * the attempt ("step 5 of 7", as the app's cards say; a count of events done overran the total).
 */
export function formatProgressLine(event: TimelineEvent, elapsedMs: number): string {
  const elapsed = `${(Math.max(0, elapsedMs) / 1000).toFixed(1)}s`.padStart(7);
  const message = event.message.replace(/[\p{Cc}]/gu, ' ');
  const phase = provisionPhase(event.step);
  const where = phase ? ` (step ${phase.index} of ${phase.total})` : '';
  return `[${elapsed}] ${MARK[event.status]} ${event.step} ${event.status}${message ? `: ${message}` : ''}${where}`;
}
