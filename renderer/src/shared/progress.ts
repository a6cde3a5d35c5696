// What a provisioning store is doing now, read from its latest events: the running step, where
// it is in the attempt ("step N of M") and since when; plus how the elapsed time reads.
import type { TimelineEvent } from '../../../preload/contract';
import { provisionPhase } from './step-label';

export type RunningStep = { step: string; startedAt: string; index: number | null; total: number | null };

export function runningStep(events: TimelineEvent[]): RunningStep | null {
  const ended = new Set<string>();
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (!event) continue;
    if (event.status !== 'started') {
      ended.add(`${event.step}`);
      continue;
    }
    if (ended.has(event.step)) return null; // the newest step finished: nothing runs now
    const phase = provisionPhase(event.step);
    return {
      step: event.step,
      startedAt: event.timestamp,
      index: phase?.index ?? null,
      total: phase?.total ?? null,
    };
  }
  return null;
}

/** m:ss, or h:mm:ss past an hour: a running clock, not a duration sentence. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
