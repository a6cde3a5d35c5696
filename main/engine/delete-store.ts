// Deleting a store: delete its Namespace (the cluster removes everything inside), watch until the
// Namespace is really gone, then remove the rows. If it is still there at the deadline, say what
// holds it (finalizers, conditions, objects left) and keep the store in Deleting, so a retry of
// delete continues where this one stopped.
import type { ApiObject, KubeClient } from '../kube/client';
import { classifyError } from '../kube/errors';
import { KINDS, type KindRef } from '../kube/kinds';
import { abortableDelay, backoffDelay } from '../kube/retry';
import { waitForNamespaceGone, WaitTimeoutError } from '../kube/watch-wait';
import type { StoresRepo } from '../state/stores.repo';
import { Deadline } from './deadline';
import { Timeline, type StoreWriter } from './store-writer';

export const DELETE_STEP = 'delete';

export interface DeleteDeps {
  stores: StoresRepo;
  writer: StoreWriter;
  clientFor(context: string): KubeClient;
  deleteTimeoutMs: number;
}

export type DeleteOutcome = 'deleted' | 'stuck' | 'skipped' | 'aborted';

const LEFTOVER_KINDS: KindRef[] = [
  KINDS.Pod,
  KINDS.PersistentVolumeClaim,
  KINDS.Deployment,
  KINDS.Job,
  KINDS.Service,
  KINDS.Secret,
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
export async function explainStuckNamespace(
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
  const lists = await Promise.all(
    LEFTOVER_KINDS.map((kind) => client.list(kind, { namespace: name }, signal).then((r) => r.items)),
  );
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
  await client.remove(KINDS.Namespace, undefined, store.namespace, {
    propagationPolicy: 'Background',
    signal,
  });
  try {
    await waitForNamespaceGone(client, store.namespace, { timeoutMs: deadline.remainingMs(), signal });
  } catch (error) {
    if (!(error instanceof WaitTimeoutError)) throw error;
    const why = await explainStuckNamespace(client, store.namespace, signal);
    const message = `Namespace ${store.namespace} still exists after ${deadline.describe()}: ${why}. Delete again to keep waiting.`;
    timeline.failed(DELETE_STEP, message);
    deps.writer.status(id, 'Deleting', { errorStep: DELETE_STEP, errorMessage: message });
    return 'stuck';
  }
  timeline.note(DELETE_STEP, 'completed', `Namespace ${store.namespace} is gone`);
  deps.writer.removed(id);
  return 'deleted';
}

export async function deleteStore(deps: DeleteDeps, id: string, signal: AbortSignal): Promise<DeleteOutcome> {
  const store = deps.stores.get(id);
  if (!store || store.status !== 'Deleting') return 'skipped';
  const timeline = new Timeline(deps.writer, id);
  const deadline = new Deadline(deps.deleteTimeoutMs);
  timeline.note(DELETE_STEP, 'started', `Deleting namespace ${store.namespace} and everything in it`);
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      return await deleteOnce(deps, id, timeline, deadline, signal);
    } catch (error) {
      if (signal.aborted) return 'aborted';
      const classified = classifyError(error);
      const delay = backoffDelay(Math.min(attempt, 6), classified.retryAfterMs);
      if (classified.kind === 'permanent' || deadline.remainingMs() <= delay) {
        const message = `Could not delete namespace ${store.namespace}: ${classified.message}`;
        timeline.failed(DELETE_STEP, message);
        deps.writer.status(id, 'Deleting', { errorStep: DELETE_STEP, errorMessage: message });
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
