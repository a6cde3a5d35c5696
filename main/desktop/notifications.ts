// Desktop notifications when a store becomes Ready or Failed; clicking one shows the app.
import { Notification } from 'electron';
import type { Store } from '../../preload/contract';
import type { EventBus } from '../primitives/event-bus';
import { createStoreNotifier } from './store-notifier';

/** Starts watching the bus; `initial` are the stores already known, which never trigger a notice. */
export function notifyStoreTransitions(bus: EventBus, initial: Store[], showApp: () => void): () => void {
  const notifier = createStoreNotifier();
  notifier.seed(initial);
  return bus.subscribe((name, payload) => {
    if (name === 'storeRemoved') {
      notifier.forget((payload as { id: string }).id);
      return;
    }
    if (name !== 'storeChanged') return;
    const notice = notifier.observe(payload as Store);
    if (!notice || !Notification.isSupported()) return;
    const notification = new Notification({ title: notice.title, body: notice.body });
    notification.on('click', showApp);
    notification.show();
  });
}
