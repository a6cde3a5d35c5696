import { formatQuantity, formatResourceList, parseResourceList, zeroQuantity } from './quantity.js';
import type { Runtime } from './runtime.js';
import { namespaceUsage } from './usage.js';

/** Sim ms between a change in a namespace and the quota controller's recount (its work queue's lag). */
export const quotaSyncDelayMs = (rt: Runtime): number => rt.profile.timings.quotaSyncMs ?? 500;

/**
 * The resource quota controller: status.hard mirrors spec.hard, status.used counts what the
 * namespace holds (a pod in its grace period included). It recounts a little after each change
 * (see the router), so admission meanwhile judges against the last count. Key: namespace.
 */
export function installQuotaController(rt: Runtime): void {
  rt.register('quota', (namespace) => {
    const quotas = rt.store.list('resourcequotas', namespace);
    if (!quotas.length) return;
    const now = rt.clock.now();
    const usage = namespaceUsage(rt.store, namespace, now);
    for (const quota of quotas) {
      const hard = parseResourceList(quota.spec?.hard);
      const names = Object.keys(hard).sort();
      const status = {
        hard: Object.fromEntries(
          names.map((k) => [k, formatQuantity(hard[k] as NonNullable<(typeof hard)[string]>)]),
        ),
        used: Object.fromEntries(names.map((k) => [k, formatQuantity(usage[k] ?? zeroQuantity())])),
      };
      if (JSON.stringify(quota.status ?? {}) === JSON.stringify(status)) continue;
      rt.store.updateStatus('resourcequotas', { ...quota, status });
    }
    // A pod stuck terminating stops counting once its deletion is overdue: look again then.
    const overdue = rt.store
      .list('pods', namespace)
      .filter((p) => p.metadata.deletionTimestamp && p.metadata.deletionGracePeriodSeconds !== undefined)
      .map(
        (p) =>
          Date.parse(p.metadata.deletionTimestamp as string) +
          Number(p.metadata.deletionGracePeriodSeconds) * 1000 +
          1 -
          now,
      )
      .filter((ms) => ms > 0);
    return overdue.length ? Math.min(...overdue) : undefined;
  });
}

/**
 * Queues the recount for a change: at once for a new or edited quota (spec.hard not yet in its
 * status), after the controller's lag for anything else — including admission's own charge.
 */
export function enqueueQuota(
  rt: Runtime,
  key: string,
  obj: { metadata: { namespace?: string }; spec?: Record<string, unknown>; status?: Record<string, unknown> },
): void {
  const ns = obj.metadata.namespace as string;
  const canonical = (list: unknown): string =>
    JSON.stringify(formatResourceList(parseResourceList(list as Record<string, unknown> | undefined)));
  const fresh = key === 'resourcequotas' && canonical(obj.spec?.hard) !== canonical(obj.status?.hard);
  rt.enqueue('quota', ns, fresh ? 0 : quotaSyncDelayMs(rt));
}
