// A dynamic provisioner that cannot make the volume for the node the scheduler picked (fault
// `provisioningFailPattern`, matched on the StorageClass name). local-path-provisioner says so
// when its config has no path for that node (e.g. a node without a storage disk); through
// sig-storage-lib-external-provisioner that becomes the Warning event ProvisioningFailed
// "failed to provision volume with StorageClass …", retried with exponential back-off while the
// claim keeps its volume.kubernetes.io/selected-node annotation and stays Pending.
import type { KubeObject } from '../types.js';
import { backoffMs } from './timings.js';
import type { Runtime } from './runtime.js';

/** The provisioner's error for this claim on `node`, or undefined when it would succeed. */
export function provisioningError(rt: Runtime, sc: KubeObject, node: string): string | undefined {
  const pattern = rt.faults().provisioningFailPattern;
  if (!pattern || !new RegExp(pattern).test(sc.metadata.name)) return undefined;
  return `failed to provision volume with StorageClass "${sc.metadata.name}": config doesn't contain node ${node}, and no DEFAULT_PATH_FOR_NON_LISTED_NODES available`;
}

/** Attempts so far per claim (key#uid); the next try comes after base, 2×base, … capped. */
export class ProvisionRetries {
  private readonly attempts = new Map<string, number>();
  constructor(private readonly rt: Runtime) {}
  /** Records one more failure and returns the sim ms to wait before the next try. */
  failed(id: string): number {
    const n = (this.attempts.get(id) ?? 0) + 1;
    this.attempts.set(id, n);
    return backoffMs(this.rt.profile, n);
  }
  tried(id: string): boolean {
    return this.attempts.has(id);
  }
  forget(id: string): void {
    this.attempts.delete(id);
  }
}
