// The last few timeline events on a store's card, live while the store provisions.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { Store, TimelineEvent } from '../../../../preload/contract';
import { formatClock } from '../../shared/format';
import { stepLabel } from '../../shared/step-label';
import { useAppStores } from '../../app-stores-context';

const EMPTY: TimelineEvent[] = [];
const SHOWN = 3;

export function CardTimeline({ store }: { store: Store }) {
  const { timeline } = useAppStores();
  const events = useStore(timeline, (s) => s.byStore[store.id] ?? EMPTY);

  useEffect(() => {
    void timeline.getState().ensure(store.id);
  }, [timeline, store.id]);

  if (events.length === 0) return null;
  return (
    <ol className="card-timeline" aria-label={`Latest steps of ${store.name}`}>
      {events.slice(-SHOWN).map((event) => (
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
