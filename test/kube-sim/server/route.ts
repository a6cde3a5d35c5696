import type { ResourceType } from '../types.js';
import { keyOf } from '../store/resource-types.js';

export interface ResourceRoute {
  type: ResourceType;
  key: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/**
 * Parses /api/v1/... and /apis/<group>/<version>/... resource paths. Returns undefined for paths
 * that are not resource paths (discovery and unknown paths are handled elsewhere).
 */
export function parseResourcePath(
  pathname: string,
  types: readonly ResourceType[],
): ResourceRoute | undefined {
  const segs = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let rest: string[];
  if (segs[0] === 'api' && segs[1] === 'v1') {
    group = '';
    rest = segs.slice(2);
  } else if (segs[0] === 'apis' && segs.length >= 3) {
    group = segs[1] as string;
    rest = segs.slice(3);
    if (!types.some((t) => t.group === group && t.version === segs[2])) return undefined;
  } else return undefined;
  if (rest.length === 0) return undefined;
  const find = (plural: string | undefined): ResourceType | undefined =>
    types.find((t) => t.group === group && t.plural === plural);

  // /namespaces/<ns>/<plural>[/<name>[/<sub>]] for namespaced types
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const t = find(rest[2]);
    if (t?.namespaced) return build(t, rest[1], rest[3], rest[4], rest.length > 5);
    if (group !== '') return undefined;
  }
  const t = find(rest[0]);
  if (!t) return undefined;
  // A namespaced type listed across all namespaces: /api/v1/pods
  if (t.namespaced && rest.length > 1) return undefined;
  return build(t, undefined, rest[1], rest[2], rest.length > 3);
}

function build(
  type: ResourceType,
  namespace: string | undefined,
  name: string | undefined,
  subresource: string | undefined,
  extra: boolean,
): ResourceRoute | undefined {
  if (extra) return undefined;
  if (subresource && !type.subresources?.includes(subresource)) return undefined;
  return { type, key: keyOf(type), namespace, name, subresource };
}
