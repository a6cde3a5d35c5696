// Deleting a store: delete its Namespace (the cluster removes everything inside), watch until the
// Namespace is really gone, then remove the rows. If it is still there at the deadline, say what
// holds it (finalizers, conditions, objects left) and keep the store in Deleting, so a retry of
// delete continues where this one stopped. Only a namespace this store owns is ever deleted, and
// only the very one whose ownership was just read (uid precondition).
import type { KubeClient } from '../kube/client';
import type { ApiObject } from '../kube/kube-object';
import { classifyError, isAccessDenied, isConflict } from '../kube/errors';
import { KINDS, type KindRef } from '../kube/kinds';
import { abortableDelay, backoffDelay } from '../kube/retry';
import { waitForNamespaceGoneShared } from '../kube/namespace-gone-watcher';
import { WaitTimeoutError } from '../kube/watch-wait';
import type { StoresRepo } from '../state/stores.repo';
import { Deadline } from './deadline';
import { notOwnedMessage, readOwnership } from './ownership';
import { Timeline, type StoreWriter } from './store-writer';

export interface DeleteDeps {
  stores: StoresRepo;
  writer: StoreWriter;
  clientFor(context: string): KubeClient;
  deleteTimeoutMs: number;
}

export type DeleteOutcome = 'deleted' | 'stuck' | 'refused' | 'skipped' | 'aborted';

/** Reads and owner-checks before a delete; a namespace replaced in between is judged again. */
const OWNERSHIP_CHECKS = 3;

const LEFTOVER_KINDS: KindRef[] = [
  KINDS.Pod,
  KINDS.PersistentVolumeClaim,
  KINDS.Deployment,
  KINDS.Job,
  KINDS.Service,
  KINDS.Secret,
  KINDS.ConfigMap,
  KINDS.Ingress,
  KINDS.NetworkPolicy,
  KINDS.ResourceQuota,
  KINDS.LimitRange,
];

const finalizersOf = (obj: ApiObject): string[] => [
  ...(obj.metadata?.finalizers ?? []),
  ...((obj.spec?.finalizers as string[] | undefined) ?? []),
];

/** Why a Namespace is still there, in words: its finalizers, its failing conditions, what is left inside. */
async function explainStuckNamespace(
  client: KubeClient,
  name: string,
  signal?: AbortSignal,
): Promise<string> {
  const namespace = await client.get(KINDS.Namespace, undefined, name, signal);
  if (!namespace) return `namespace ${name} is gone`;
  const parts: string[] = [];
  const finalizers = finalizersOf(namespace);
  if (finalizers.length > 0) parts.push(`finalizers on the namespace: ${finalizers.join(', ')}`);
  const conditions = (
    (namespace.status?.conditions ?? []) as Array<{ type: string; status: string; message?: string }>
  ).filter((c) => c.status === 'True' && c.message);
  for (const c of conditions) parts.push(`${c.type}: ${c.message}`);
  // Namespace termination removes our RoleBinding early too, so the contents may be closed to us.
  let unreadable = false;
  const lists = await Promise.all(
    LEFTOVER_KINDS.map((kind) =>
      client.list(kind, { namespace: name }, signal).then(
        (r) => r.items,
        (error: unknown) => {
          if (!isAccessDenied(error)) throw error;
          unreadable = true;
          return [];
        },
      ),
    ),
  );
  if (unreadable)
    parts.push('its contents are no longer readable (the store role binding inside is already deleted)');
  const leftovers = lists.flat().map((obj) => {
    const held = finalizersOf(obj);
    return `${obj.kind} ${obj.metadata?.name}${held.length > 0 ? ` (finalizer ${held.join(', ')})` : ''}`;
  });
  if (leftovers.length > 0)
    parts.push(
      `still inside: ${leftovers.slice(0, 10).join(', ')}${leftovers.length > 10 ? ` and ${leftovers.length - 10} more` : ''}`,
    );
  if (!namespace.metadata?.deletionTimestamp) parts.push('the namespace is not marked for deletion');
  return parts.length > 0 ? parts.join('; ') : 'the cluster has not finished terminating it';
}

async function deleteOnce(
  deps: DeleteDeps,
  id: string,
  timeline: Timeline,
  deadline: Deadline,
  signal: AbortSignal,
): Promise<DeleteOutcome> {
  const store = deps.stores.get(id);
  if (!store || store.status !== 'Deleting') return 'skipped';
  const client = deps.clientFor(store.context);
  for (let check = 1; ; check++) {
    const owner = await readOwnership(client, store.namespace, store.id, signal);
    if (owner.state === 'absent') break;
    if (owner.state === 'foreign') return leaveForeignNamespace(deps, id, timeline, owner.reason);
    // Already terminating (a resumed delete): deleting again needs our binding inside, which
    // termination may already have removed; there is nothing to do but wait.
    if (owner.terminating) break;
    try {
      await client.remove(KINDS.Namespace, undefined, store.namespace, {
        propagationPolicy: 'Background',
        uid: owner.uid,
        signal,
      });
      break;
    } catch (error) {
      // 409: the namespace was replaced between the read and the delete; the precondition kept it.
      // 403: as a least-privilege user our rights there come from our binding inside it, so a
      // replacement (which has none) refuses the delete outright. Either way: whose is it now?
      if (!(isConflict(error) || isAccessDenied(error)) || check >= OWNERSHIP_CHECKS) throw error;
    }
  }
  try {
    // One namespace watch per context, shared by every delete in progress (not one each).
    await waitForNamespaceGoneShared(client, store.namespace, { timeoutMs: deadline.remainingMs(), signal });
  } catch (error) {
    if (!(error instanceof WaitTimeoutError)) throw error;
    const why = await explainStuckNamespace(client, store.namespace, signal);
    const message = `Namespace ${store.namespace} still exists after ${deadline.describe()}: ${why}. Delete again to keep waiting.`;
    timeline.failed('delete', message);
    deps.writer.status(id, 'Deleting', { errorStep: 'delete', errorMessage: message });
    return 'stuck';
  }
  // The last note and the removal in one durable commit: deletes finishing together queue on the disk.
  deps.stores.exclusively(() => {
    timeline.note('delete', 'completed', `Namespace ${store.namespace} is gone`);
    deps.writer.removed(id);
  });
  return 'deleted';
}

/**
 * A namespace of that name that is not this store's is never deleted. If the store never had
 * one (it was refused at create), nothing of it is in the cluster and only its row goes; if its
 * own was replaced behind our back, the delete is refused and the store stays in Deleting.
 */
function leaveForeignNamespace(
  deps: DeleteDeps,
  id: string,
  timeline: Timeline,
  reason: string,
): DeleteOutcome {
  const store = deps.stores.get(id);
  if (!store) return 'skipped';
  const foreign = notOwnedMessage(store.namespace, reason);
  if (!deps.stores.getDesired(id)?.desired.namespaceUid) {
    timeline.note(
      'delete',
      'completed',
      `${foreign}; it never belonged to this store, so Storedeck left it untouched and removed only the store's record`,
    );
    deps.writer.removed(id);
    return 'deleted';
  }
  const message = `${foreign}: the namespace this store created was replaced, so Storedeck did not delete it. Remove that namespace yourself if it is yours to remove, then delete again.`;
  timeline.failed('delete', message);
  deps.writer.status(id, 'Deleting', { errorStep: 'delete', errorMessage: message });
  return 'refused';
}

/** The timeline's first line of a delete (written with the Deleting status when a request starts it). */
export function announceDelete(timeline: Timeline, namespace: string): void {
  timeline.note('delete', 'started', `Deleting namespace ${namespace} and everything in it`);
}

/** `announced`: the request already wrote the first line; a resumed delete writes it here. */
export async function deleteStore(
  deps: DeleteDeps,
  id: string,
  signal: AbortSignal,
  { announced = false }: { announced?: boolean } = {},
): Promise<DeleteOutcome> {
  const store = deps.stores.get(id);
  if (!store || store.status !== 'Deleting') return 'skipped';
  const timeline = new Timeline(deps.writer, id);
  const deadline = new Deadline(deps.deleteTimeoutMs);
  if (!announced) announceDelete(timeline, store.namespace);
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      return await deleteOnce(deps, id, timeline, deadline, signal);
    } catch (error) {
      if (signal.aborted) return 'aborted';
      const classified = classifyError(error);
      const delay = backoffDelay(Math.min(attempt, 6), classified.retryAfterMs);
      if (classified.kind === 'permanent' || deadline.remainingMs() <= delay) {
        const message = `Could not delete namespace ${store.namespace}: ${classified.message}`;
        timeline.failed('delete', message);
        deps.writer.status(id, 'Deleting', { errorStep: 'delete', errorMessage: message });
        return 'stuck';
      }
      try {
        await abortableDelay(delay, signal);
      } catch {
        return 'aborted';
      }
    }
  }
  return 'stuck';
}
