// The last few timeline events on a store's card, live while the store provisions, newest
// first: the card's height is fixed, and when both do not fit it is the older one that goes.
// They come with the store list and the timelineEvent stream: a card never asks for its own.
import { useStore } from 'zustand';
import type { Store, TimelineEvent } from '../../../../preload/contract';
import { formatClock } from '../../shared/format';
import { stepLabel } from '../../shared/step-label';
import { useAppStores } from '../../app-stores-context';

const EMPTY: TimelineEvent[] = [];
const SHOWN = 2;

export function CardTimeline({ store }: { store: Store }) {
  const { timeline } = useAppStores();
  const events = useStore(timeline, (s) => s.byStore[store.id] ?? EMPTY);

  if (events.length === 0) return null;
  return (
    <ol className="card-timeline" aria-label={`Latest steps of ${store.name}`}>
      {events
        .slice(-SHOWN)
        .reverse()
        .map((event) => (
          <li key={event.id} className={`event event-${event.status}`}>
            <span className="event-dot" aria-hidden="true" />
            <span className="event-step">{stepLabel(event.step)}</span>
            <span className="event-message">{event.message}</span>
            <time className="event-time" dateTime={event.timestamp}>
              {formatClock(event.timestamp)}
            </time>
          </li>
        ))}
    </ol>
  );
}
