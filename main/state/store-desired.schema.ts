// The per-store snapshot of cluster-facing choices the engine reconciles towards. Only the keys
// below are ever persisted (unknown keys are dropped), so no secret can slip into SQLite.
import { z } from 'zod';
import { zodMessage } from '../../preload/contract';

const StoreDesiredSchema = z.object({
  baseDomain: z.string().max(200).nullable().default(null),
  storageClass: z.string().max(253).nullable().default(null),
  imageRegistry: z.string().max(253).nullable().default(null),
  /** Full host, e.g. "shop.localhost"; null until the engine has decided it. */
  host: z.string().max(253).nullable().default(null),
  ingressClassName: z.string().max(253).nullable().default(null),
  ingressController: z.enum(['traefik', 'nginx', 'other']).nullable().default(null),
  ingressControllerNamespace: z.string().max(63).nullable().default(null),
  /** Labels the controller's pods were detected by (the NetworkPolicy admits only those pods). */
  ingressControllerPodLabels: z.record(z.string().max(317), z.string().max(63)).nullable().default(null),
  /** uid of the namespace this store created (null until then): see engine/ownership.ts. */
  namespaceUid: z.string().max(64).nullable().default(null),
  /** Host port the ingress answers on when not 80 (Kind mapped to 8080, k3d -p 8080:80); null: 80. */
  httpPort: z.number().int().min(1).max(65535).nullable().default(null),
});

export type StoreDesired = z.output<typeof StoreDesiredSchema>;
export type StoreDesiredInput = z.input<typeof StoreDesiredSchema>;

/** Reads a stored snapshot; keys added after the row was written take their defaults. */
export function parseStoreDesired(json: string): StoreDesired {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('desired state is not valid JSON');
  }
  const parsed = StoreDesiredSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new Error(`desired state is invalid: ${zodMessage(parsed.error)}`);
}

/** Validates (throws on a bad value) and serialises only the known keys. */
export function serializeStoreDesired(desired: StoreDesiredInput): string {
  return JSON.stringify(StoreDesiredSchema.parse(desired));
}
