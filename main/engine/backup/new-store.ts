// The store a restore or clone creates: made through the engine's normal create (admission,
// fresh secrets, provisioning, checkout check), then awaited until Ready. If loading the data
// into it fails afterwards, it is deleted again, so a failed restore leaves no half-store.
import { err, ok, type EventOf, type Plan, type Result, type Store } from '../../../preload/contract';
import type { EventBus } from '../../primitives/event-bus';

export interface NewStoreDeps {
  bus: EventBus;
  getStore(id: string): Store | null;
  create(
    input: { name: string; adminEmail: string; plan: Plan; context: string },
    actor: string,
  ): Promise<Result<Store>>;
  remove(id: string, actor: string): Promise<Result<Store>>;
}

/** Provisioning has its own no-progress and overall timeouts; this only bounds a wait that would outlive them. */
const READY_CAP_MS = 40 * 60_000;

/** Resolves with the store once Ready, or an error value once it Failed, was deleted, or the wait was cancelled. */
export function untilReady(
  deps: NewStoreDeps,
  id: string,
  signal?: AbortSignal,
  capMs = READY_CAP_MS,
): Promise<Result<Store>> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Result<Store>): void => {
      if (settled) return;
      settled = true;
      unsubscribe();
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const judge = (store: Store | null): void => {
      if (!store) return finish(err('not_found', 'the new store was deleted while it was being set up'));
      if (store.status === 'Ready') return finish(ok(store));
      if (store.status === 'Failed')
        return finish(
          err(
            'internal',
            `the new store failed at ${store.errorStep ?? 'setup'}: ${store.errorMessage ?? 'no reason recorded'}`,
          ),
        );
      if (store.status === 'Deleting') finish(err('invalid_state', 'the new store is being deleted'));
    };
    const unsubscribe = deps.bus.subscribe((name, payload) => {
      if (name === 'storeChanged' && (payload as EventOf<'storeChanged'>).id === id) judge(payload as Store);
      if (name === 'storeRemoved' && (payload as EventOf<'storeRemoved'>).id === id) judge(null);
    });
    const onAbort = (): void => finish(err('internal', 'cancelled'));
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () => finish(err('internal', 'the new store did not become Ready in time')),
      capMs,
    );
    timer.unref?.();
    // Subscribed first, then read: a change between the two is not missed.
    judge(deps.getStore(id));
  });
}
