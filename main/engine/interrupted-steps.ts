// A pass killed mid-step (the process died, or lost the worker lease) leaves "started" rows with
// no end. The worker that picks the store up closes each such step as "interrupted" before its
// own pass starts, so the timeline says what happened instead of showing a step that never ends.
import type { TimelineEvent } from '../../preload/contract';
import type { StepId } from '../../preload/steps';
import type { StoreWriter } from './store-writer';

export const INTERRUPTED_MESSAGE =
  'Interrupted: the Storedeck process running this step stopped before it finished; resuming';

/** Steps whose latest event is "started", in the order they started. */
export function openSteps(events: readonly TimelineEvent[]): string[] {
  const last = new Map<string, TimelineEvent['status']>();
  for (const event of events) {
    last.delete(event.step);
    last.set(event.step, event.status);
  }
  return [...last].filter(([, status]) => status === 'started').map(([step]) => step);
}

/** Closes every open step of the store as interrupted; returns the steps it closed. */
export function closeInterruptedSteps(
  events: { list(storeId: string): TimelineEvent[] },
  writer: StoreWriter,
  storeId: string,
): string[] {
  const open = openSteps(events.list(storeId));
  // Every step on the timeline was written by an engine as a StepId; it is closed under that id.
  for (const step of open) writer.event(storeId, step as StepId, 'interrupted', INTERRUPTED_MESSAGE);
  return open;
}
