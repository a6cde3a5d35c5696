import type { ResourceType } from '../types.js';
import { apiVersionOf } from '../store/resource-types.js';

const SUB_KINDS: Record<string, string> = { exec: 'PodExecOptions', token: 'TokenRequest' };
/** Subresources whose kind lives in another group (serviceaccounts/token is authentication.k8s.io/v1). */
const SUB_GROUPS: Record<string, { group: string; version: string }> = {
  token: { group: 'authentication.k8s.io', version: 'v1' },
};
const SUB_VERBS: Record<string, string[]> = {
  status: ['get', 'patch', 'update'],
  log: ['get'],
  exec: ['create', 'get'],
  finalize: ['update'],
  token: ['create'],
};

export function versionInfo(gitVersion: string): Record<string, string> {
  const m = /^v(\d+)\.(\d+)/.exec(gitVersion);
  return {
    major: m?.[1] ?? '1',
    minor: m?.[2] ?? '33',
    gitVersion,
    gitCommit: '8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828',
    gitTreeState: 'clean',
    buildDate: '2025-05-15T08:19:08Z',
    goVersion: 'go1.24.2',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function apiVersions(hostPort: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: hostPort }],
  };
}

function groupEntry(name: string, version: string): Record<string, unknown> {
  const gv = { groupVersion: `${name}/${version}`, version };
  return { name, versions: [gv], preferredVersion: gv };
}

function groupNames(types: readonly ResourceType[]): string[] {
  return [...new Set(types.filter((t) => t.group).map((t) => t.group))];
}

export function apiGroupList(types: readonly ResourceType[]): Record<string, unknown> {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groupNames(types).map((g) => groupEntry(g, 'v1')),
  };
}

export function apiGroup(types: readonly ResourceType[], group: string): Record<string, unknown> | undefined {
  if (!groupNames(types).includes(group)) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(group, 'v1') };
}

/** APIResourceList for one group/version; each resource precedes its subresources, as the real server lists them. */
export function apiResourceList(
  types: readonly ResourceType[],
  group: string,
  version: string,
): Record<string, unknown> | undefined {
  const served = types.filter((t) => t.group === group && t.version === version);
  if (!served.length) return undefined;
  const resources = served.flatMap((t) => [
    {
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs,
      ...(t.shortNames ? { shortNames: t.shortNames } : {}),
    },
    ...(t.subresources ?? []).map((s) => ({
      name: `${t.plural}/${s}`,
      singularName: '',
      namespaced: t.namespaced,
      ...(SUB_GROUPS[s] ?? {}),
      kind: SUB_KINDS[s] ?? t.kind,
      verbs: SUB_VERBS[s] ?? ['get'],
    })),
  ]);
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: apiVersionOf({ group, version }),
    resources,
  };
}
