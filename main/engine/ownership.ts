// A namespace is a store's only if Storedeck created it for that store: its storedeck.dev/store-id
// label equals the store's id. Every pass, every delete and every operation that reads or writes
// inside a store namespace checks this first, so two data dirs (two laptops) or two contexts on
// one cluster never adopt, read or delete each other's stores, nor anything else that happens to
// be called store-<slug>.
import type { KubeClient } from '../kube/client';
import type { ApiObject, KubeObject } from '../kube/kube-object';
import { isConflict } from '../kube/errors';
import { KINDS } from '../kube/kinds';
import type { StoresRepo } from '../state/stores.repo';
import { LABEL } from './model/labels';
import { StepFailure } from './step-failure';

const NAMESPACE_STEP = 'namespace';

export type NamespaceOwnership =
  | { state: 'absent' }
  | { state: 'owned'; uid: string; terminating?: boolean; annotations?: Record<string, string> }
  | { state: 'foreign'; uid: string; reason: string };

/** Whose namespace this is, judged by the store-id label alone (labels anyone can read). */
function ownershipOf(namespace: ApiObject | null, storeId: string): NamespaceOwnership {
  if (!namespace) return { state: 'absent' };
  const uid = namespace.metadata?.uid ?? '';
  const label = namespace.metadata?.labels?.[LABEL.storeId];
  if (label === storeId)
    return {
      state: 'owned',
      uid,
      terminating: Boolean(namespace.metadata?.deletionTimestamp),
      annotations: { ...(namespace.metadata?.annotations ?? {}) },
    };
  return {
    state: 'foreign',
    uid,
    reason:
      label === undefined
        ? `it has no ${LABEL.storeId} label`
        : `its ${LABEL.storeId} label names another store`,
  };
}

/** The one wording of the refusal, shown in the timeline, the CLI and the UI. */
export function notOwnedMessage(namespace: string, reason: string): string {
  return `${namespace} exists and is not a Storedeck store (${reason})`;
}

/** Reads the namespace (and nothing inside it) and says whose it is. */
export async function readOwnership(
  client: KubeClient,
  namespace: string,
  storeId: string,
  signal?: AbortSignal,
): Promise<NamespaceOwnership> {
  return ownershipOf(await client.get(KINDS.Namespace, undefined, namespace, signal), storeId);
}

function refuse(namespace: string, reason: string): StepFailure {
  return new StepFailure(
    NAMESPACE_STEP,
    `${notOwnedMessage(namespace, reason)}; Storedeck leaves it alone. Choose another store name, or remove that namespace if it is yours to remove, then retry.`,
    'NotOwned',
  );
}

/**
 * Before a pass writes anything: the store's namespace is ours, or absent and then created by a
 * POST (an apply would adopt a namespace someone created meanwhile; a create gets 409 instead).
 * Throws the refusal as a StepFailure when it belongs to someone else.
 */
export async function claimNamespace(
  client: KubeClient,
  namespace: KubeObject,
  storeId: string,
  signal?: AbortSignal,
  /** The store never had a namespace: POST at once (a 409 is read), saving the read before it. */
  createFirst = false,
): Promise<{ created: boolean; uid: string; annotations: Record<string, string> }> {
  const name = namespace.metadata.name;
  const found = createFirst
    ? ({ state: 'absent' } as const)
    : await readOwnership(client, name, storeId, signal);
  if (found.state === 'foreign') throw refuse(name, found.reason);
  if (found.state === 'owned')
    return { created: false, uid: found.uid, annotations: found.annotations ?? {} };
  try {
    const created = await client.create(namespace, signal);
    return { created: true, uid: created.metadata?.uid ?? '', annotations: {} };
  } catch (error) {
    if (!isConflict(error)) throw error;
    const now = await readOwnership(client, name, storeId, signal);
    if (now.state === 'foreign') throw refuse(name, now.reason);
    if (now.state === 'owned') return { created: false, uid: now.uid, annotations: now.annotations ?? {} };
    throw error;
  }
}

/**
 * Remembers the uid of the namespace this store owned, so delete can tell "never had one" (a
 * store refused at create: only its row goes) from "ours was replaced" (refused, left alone).
 */
export function recordNamespaceUid(stores: StoresRepo, storeId: string, uid: string): void {
  const state = stores.getDesired(storeId);
  if (!state || !uid || state.desired.namespaceUid === uid) return;
  stores.setDesired(storeId, { ...state.desired, namespaceUid: uid });
}
