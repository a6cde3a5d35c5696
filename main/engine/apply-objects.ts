// The apply half of a pass: Namespace first (everything else lives in it), Secrets only when
// absent (a re-run must never rotate a password MySQL was initialised with), then every other
// object together with server-side apply. Reports what had to be (re)created.
import type { KubeClient } from '../kube/client';
import { applyRepairingStrategy } from '../kube/strategy-repair';
import { claimNamespace } from './ownership';
import { bindStoreAccess } from './store-access';
import type { StoreContext, StoreStrategy } from './strategies/strategy';
import type { KubeObject } from '../kube/kube-object';
import type { Timeline } from './store-writer';

const label = (obj: KubeObject) => `${obj.kind} ${obj.metadata.name}`;

/** The namespace's Storedeck labels (managed-by, store-id, plan) carried onto the access binding. */
function storeLabels(namespace: KubeObject): Record<string, string> {
  const labels = (namespace.metadata.labels ?? {}) as Record<string, string>;
  return Object.fromEntries(
    Object.entries(labels).filter(
      ([k]) => k.startsWith('storedeck.dev/') || k === 'app.kubernetes.io/managed-by',
    ),
  );
}

/** Like Promise.all, but returns only once every call has settled: no write is left in flight. */
async function settleAll<T>(calls: Array<Promise<T>>): Promise<T[]> {
  const results = await Promise.allSettled(calls);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

function summary(total: number, created: string[]): { message: string; notable: boolean } {
  if (created.length === 0)
    return { message: `All ${total} objects already in place; re-applied`, notable: false };
  if (created.length === total) return { message: `Created ${created.join(', ')}`, notable: true };
  return {
    message: `Restored ${created.join(', ')}; ${total - created.length} others re-applied`,
    notable: true,
  };
}

export async function applyStoreObjects(
  client: KubeClient,
  strategy: StoreStrategy,
  ctx: StoreContext,
  timeline: Timeline,
  signal: AbortSignal,
  /** Called once the namespace is claimed (ours), before anything inside it is written. */
  onClaimed: () => void = () => undefined,
  /** The store never claimed a namespace (none recorded): create it without reading first. */
  firstClaim = false,
): Promise<{ namespaceUid: string; annotations: Record<string, string> }> {
  const [namespace, ...rest] = strategy.resources(ctx);
  if (!namespace || namespace.kind !== 'Namespace')
    throw new Error(`strategy ${strategy.plan} must list the Namespace first`);

  // Ownership first: nothing is read or written inside a namespace that is not this store's.
  const claimed = await timeline.step('namespace', `Creating namespace ${ctx.namespace}`, async () => {
    const claim = await claimNamespace(client, namespace, ctx.id, signal, firstClaim);
    // Our rights inside the namespace (its own labels included) come from this binding.
    await bindStoreAccess(client, ctx.namespace, storeLabels(namespace), signal);
    await client.apply(namespace, { signal });
    return claim.created
      ? { value: claim, message: `Created namespace ${ctx.namespace}`, notable: true }
      : { value: claim, message: `Namespace ${ctx.namespace} in place`, notable: false };
  });

  onClaimed();

  await timeline.step('secrets', 'Generating credentials', async () => {
    const wanted = strategy.secrets(ctx, strategy.newSecrets(ctx));
    // Created only when absent (409 = there already): one request each, and never a rotation.
    const created = await settleAll(wanted.map((secret) => client.createIfAbsent(secret, signal)));
    const missing = wanted.filter((_, index) => created[index]);
    if (missing.length === 0)
      return { value: undefined, message: 'Credentials already exist; kept as they are', notable: false };
    return {
      value: undefined,
      message: `Created ${missing.map(label).join(', ')} with fresh random passwords`,
      notable: true,
    };
  });

  await timeline.step('resources', `Applying ${rest.length} objects`, async () => {
    // A hand-switched Deployment strategy is put back as kubectl would ($retainKeys), not failed
    // on. Server-side apply needs no read first: its 201 (last response of the call) says which
    // objects were missing.
    const applied = await settleAll(
      rest.map((obj) => client.objects.withStatus(() => applyRepairingStrategy(client, obj, signal))),
    );
    const created = rest.filter((_, index) => applied[index]?.status === 201).map(label);
    return { value: undefined, ...summary(rest.length, created) };
  });
  return { namespaceUid: claimed.uid, annotations: claimed.annotations };
}
