import { formatQuantity, parseResourceList, zeroQuantity } from './quantity.js';
import type { Runtime } from './runtime.js';
import { namespaceUsage } from './usage.js';

/** The resource quota controller: status.hard mirrors spec.hard, status.used counts what the namespace holds. Key: namespace. */
export function installQuotaController(rt: Runtime): void {
  rt.register('quota', (namespace) => {
    const quotas = rt.store.list('resourcequotas', namespace);
    if (!quotas.length) return;
    const usage = namespaceUsage(rt.store, namespace);
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
  });
}
