// What the CLI tells the user about who does the work: the process holding the data dir's worker
// lease (the app, the web host or a waiting CLI) runs every pass; a command that does not wait
// only records the request.
import { hostname } from 'node:os';
import type { Store } from '../../preload/contract';
import type { WorkerStatus } from '../api/create-app';
import type { LeaseHolder } from '../state/worker-lease';

export type LifecycleAction = 'create' | 'retry' | 'delete';

/** "the Storedeck app (pid 4242)": who holds the lease, in words. */
export function describeWorker(holder: LeaseHolder): string {
  const who =
    holder.mode === 'desktop'
      ? 'the Storedeck app'
      : holder.mode === 'web'
        ? 'the Storedeck web host'
        : 'a `storedeck … --wait` command';
  const where = holder.host === hostname() ? '' : ` on ${holder.host}`;
  return `${who} (pid ${holder.pid}${where})`;
}

/** After create/retry/delete without --wait: who will carry the request out, and when. */
export function queuedNote(status: WorkerStatus, action: LifecycleAction, store: Store): string {
  const holder = status.holder?.live ? status.holder : null;
  const done = action === 'delete' ? 'deleted' : 'provisioned';
  const first = action === 'delete' ? 'Marked for deletion.' : 'Queued.';
  if (holder)
    return `${first} It will be ${done} by ${describeWorker(holder)}, which works on this data dir.`;
  const command =
    action === 'delete' ? `\`storedeck delete ${store.slug} --wait\`` : 'a `storedeck … --wait` command';
  return (
    `${first} No Storedeck process is working on this data dir right now: it will be ${done} ` +
    `when the Storedeck app (or the web host) starts, or while ${command} runs.`
  );
}

/** Before following a store with --wait: where the work happens when it is not here. */
export function followNote(status: WorkerStatus): string | null {
  if (status.working) return null;
  const holder = status.holder?.live ? status.holder : null;
  return holder
    ? `${describeWorker(holder)} does the work; following it here.`
    : 'The Storedeck process working on this data dir stopped answering; this command takes over within seconds.';
}

/** After Ctrl-C on a wait: whether the store carries on now, elsewhere, or the next time. */
export function carriesOn(status: WorkerStatus): string {
  const holder = !status.working && status.holder?.live ? status.holder : null;
  return holder
    ? `continues in ${describeWorker(holder)}`
    : 'continues in the Storedeck app if it is open, else the next time Storedeck runs';
}
