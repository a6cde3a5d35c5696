// The slice of the Kubernetes OpenAPI schema that strategic merge patch and server-side apply
// need: which lists merge by key (x-kubernetes-list-map-keys / patchMergeKey), which are sets,
// and which structs/maps are atomic. Anything not listed is an atomic list, as in the real schema.

export type ListKind = { type: 'map'; keys: string[] } | { type: 'set' } | { type: 'atomic' };

const BY_NAME = [
  'containers',
  'initContainers',
  'ephemeralContainers',
  'env',
  'volumes',
  'imagePullSecrets',
  'resourceClaims',
  'volumeDevices',
];

/** `path` is the field names from the object root to the list (indices dropped), e.g. ['spec','template','spec','containers']. */
export function listKind(path: readonly string[], kind: string): ListKind {
  const field = path[path.length - 1] ?? '';
  if (BY_NAME.includes(field)) return { type: 'map', keys: ['name'] };
  if (field === 'volumeMounts') return { type: 'map', keys: ['mountPath'] };
  if (field === 'ports') {
    // Service ports merge by port+protocol; container ports by containerPort+protocol.
    return kind === 'Service' && path.length === 2
      ? { type: 'map', keys: ['port', 'protocol'] }
      : { type: 'map', keys: ['containerPort', 'protocol'] };
  }
  if (field === 'conditions') return { type: 'map', keys: ['type'] };
  if (field === 'ownerReferences') return { type: 'map', keys: ['uid'] };
  if (field === 'hostAliases') return { type: 'map', keys: ['ip'] };
  if (field === 'topologySpreadConstraints')
    return { type: 'map', keys: ['topologyKey', 'whenUnsatisfiable'] };
  if (field === 'finalizers' && path.length === 2 && path[0] === 'metadata') return { type: 'set' };
  return { type: 'atomic' };
}

/** Key fields that the API server defaults, so an applied item without them still matches the live one. */
export const KEY_DEFAULTS: Record<string, unknown> = { protocol: 'TCP' };

/** Structs and maps marked atomic (LabelSelector is +structType=atomic, Service.spec.selector +mapType=atomic). */
export function isAtomicField(field: string): boolean {
  return (
    field === 'selector' ||
    field === 'podSelector' ||
    field === 'namespaceSelector' ||
    field === 'labelSelector'
  );
}

/** The key values identifying a list item, with defaulted key fields filled in. */
export function itemKey(item: unknown, keys: readonly string[]): Record<string, unknown> {
  const o = (item ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = o[k] ?? KEY_DEFAULTS[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}
