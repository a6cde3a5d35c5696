// Preflight: can this context host stores? Every check answers in plain words and never
// throws; an unreachable API short-circuits the rest (they would all say the same thing).
import { VersionApi } from '@kubernetes/client-node';
import { isDefaultStorageClass } from './storage-class';
import type { Preflight } from '../../preload/contract';
import type { KubeClient } from './client';
import { detectIngress } from './ingress-detect';
import { KINDS } from './kinds';
import { describeNetworkPolicySupport } from './network-policy-support';
import { reviewAccess } from './access-review';

type Check = Preflight['checks'][number];

export interface PreflightInput {
  client: KubeClient;
  context: string;
  /** The StorageClass the user configured, if any (else the cluster default is used). */
  storageClass: string | null;
  storeCount: number;
  maxStores: number;
  /** Local clusters get <slug>.localhost URLs; their ingress port matters most. */
  isLocal?: boolean;
  /** The host port store URLs carry, and where that came from. */
  ingressHttpPort?: { port: number | null; source: 'cluster' | 'settings' | 'default' };
}

/** What to do about each failing check, in one line. */
const PREFLIGHT_FIXES = {
  api: 'Check that the cluster is running and the kubeconfig points at it (`storedeck cluster status`); for a local cluster run `storedeck cluster create`',
  storage:
    'Set a StorageClass in Settings, or mark one default: kubectl annotate storageclass <name> storageclass.kubernetes.io/is-default-class=true',
  ingress:
    'Install an ingress controller: `storedeck cluster create` installs Traefik into a local Kind cluster; k3s ships Traefik unless disabled',
  ingressPort:
    'If stores do not open, set Settings → Ingress HTTP port to the host port your cluster maps to the ingress (k3d -p 8080:80@loadbalancer → 8080)',
  permissions: 'Ask a cluster admin to install charts/storedeck-access for you',
  capacity: 'Delete a store or raise "Max stores per context" in Settings',
} as const;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function runPreflight(input: PreflightInput): Promise<Preflight> {
  const checks: Check[] = [];
  let gitVersion: string;
  try {
    const versionApi = input.client.kubeConfig.makeApiClient(VersionApi);
    const version = await input.client.call(() => versionApi.getCode());
    gitVersion = version.gitVersion;
    checks.push({ id: 'api', title: 'Kubernetes API', status: 'ok', detail: `Reachable, ${gitVersion}` });
  } catch (error) {
    const server = input.client.kubeConfig.getCurrentCluster()?.server ?? 'the cluster';
    checks.push({
      id: 'api',
      title: 'Kubernetes API',
      status: 'fail',
      detail: `Cannot reach ${server}: ${message(error)}`,
      fix: PREFLIGHT_FIXES.api,
    });
    return { context: input.context, ok: false, checks };
  }

  const results = await Promise.all([
    checkStorage(input),
    checkIngress(input),
    checkNetworkPolicy(input, gitVersion),
    checkAccess(input),
  ]);
  checks.push(...results, checkIngressPort(input));
  const free = input.maxStores - input.storeCount;
  checks.push({
    id: 'capacity',
    title: 'Store limit',
    status: free > 0 ? 'ok' : 'fail',
    detail:
      free > 0
        ? `${input.storeCount} of ${input.maxStores} stores used in this context`
        : `All ${input.maxStores} stores of this context are used; delete one or raise the limit in settings`,
    ...(free > 0 ? {} : { fix: PREFLIGHT_FIXES.capacity }),
  });
  return { context: input.context, ok: checks.every((c) => c.status !== 'fail'), checks };
}

async function checkStorage(input: PreflightInput): Promise<Check> {
  const title = 'Storage';
  try {
    const { items: classes } = await input.client.list(KINDS.StorageClass);
    const chosen = input.storageClass
      ? classes.find((c) => c.metadata?.name === input.storageClass)
      : classes.find((c) => isDefaultStorageClass(c.metadata?.annotations));
    if (!chosen) {
      const names = classes.map((c) => c.metadata?.name).join(', ') || 'none';
      return {
        id: 'storage',
        title,
        status: 'fail',
        detail: input.storageClass
          ? `StorageClass "${input.storageClass}" from settings does not exist (available: ${names})`
          : `No default StorageClass; volumes would stay Pending. Set one in settings (available: ${names})`,
        fix: PREFLIGHT_FIXES.storage,
      };
    }
    const waits = chosen.volumeBindingMode === 'WaitForFirstConsumer';
    return {
      id: 'storage',
      title,
      status: 'ok',
      detail: `StorageClass "${chosen.metadata?.name}" (${chosen.provisioner})${waits ? ', binds when the pod is scheduled' : ''}`,
    };
  } catch (error) {
    return {
      id: 'storage',
      title,
      status: 'fail',
      detail: `Cannot list StorageClasses: ${message(error)}`,
      fix: PREFLIGHT_FIXES.permissions,
    };
  }
}

async function checkIngress(input: PreflightInput): Promise<Check> {
  const title = 'Ingress';
  try {
    const found = await detectIngress(input.client);
    if (!found.className)
      return {
        id: 'ingress',
        title,
        status: 'fail',
        detail: found.problem ?? 'No IngressClass found',
        fix: PREFLIGHT_FIXES.ingress,
      };
    if (!found.controllerNamespace) {
      return {
        id: 'ingress',
        title,
        status: 'warn',
        detail: `IngressClass "${found.className ?? 'default'}" (${found.controller}) found, but no controller pods: stores will not be reachable until one runs`,
        fix: PREFLIGHT_FIXES.ingress,
      };
    }
    return {
      id: 'ingress',
      title,
      status: 'ok',
      detail: `IngressClass "${found.className ?? 'default'}" served by ${found.controller} in namespace ${found.controllerNamespace}`,
    };
  } catch (error) {
    return { id: 'ingress', title, status: 'fail', detail: message(error), fix: PREFLIGHT_FIXES.ingress };
  }
}

async function checkNetworkPolicy(input: PreflightInput, gitVersion: string): Promise<Check> {
  const title = 'Network isolation';
  try {
    const { items } = await input.client.list(KINDS.Pod, { namespace: 'kube-system' });
    const pods = items.map((pod) => ({
      name: pod.metadata?.name ?? '',
      images: ((pod.spec?.containers ?? []) as Array<{ image?: string }>).map((c) => c.image ?? ''),
    }));
    const verdict = describeNetworkPolicySupport(gitVersion, pods);
    return { id: 'network-policy', title, status: verdict.enforced ? 'ok' : 'warn', detail: verdict.detail };
  } catch (error) {
    return { id: 'network-policy', title, status: 'warn', detail: `Could not tell: ${message(error)}` };
  }
}

async function checkAccess(input: PreflightInput): Promise<Check> {
  const title = 'Permissions';
  try {
    const verdict = await reviewAccess(input.client);
    return {
      id: 'permissions',
      title,
      status: verdict.ok ? 'ok' : 'fail',
      detail: verdict.detail,
      ...(verdict.ok ? {} : { fix: PREFLIGHT_FIXES.permissions }),
    };
  } catch (error) {
    return {
      id: 'permissions',
      title,
      status: 'fail',
      detail: `Cannot check permissions: ${message(error)}`,
      fix: PREFLIGHT_FIXES.permissions,
    };
  }
}

/** Which host port store URLs carry: known for clusters Storedeck made, else the setting, else a guess. */
function checkIngressPort(input: PreflightInput): Check {
  const title = 'Ingress port';
  const known = input.ingressHttpPort ?? { port: null, source: 'default' as const };
  const port = known.port ?? 80;
  if (known.source === 'cluster')
    return {
      id: 'ingress-port',
      title,
      status: 'ok',
      detail: `Host port ${port}, mapped when Storedeck made this cluster`,
    };
  if (known.source === 'settings')
    return {
      id: 'ingress-port',
      title,
      status: 'ok',
      detail: `Host port ${port}, from Settings (Ingress HTTP port)`,
    };
  if (!input.isLocal)
    return {
      id: 'ingress-port',
      title,
      status: 'ok',
      detail: 'Port 80 (a remote cluster behind its load balancer)',
    };
  return {
    id: 'ingress-port',
    title,
    status: 'warn',
    detail: 'Cannot tell which host port this local cluster maps to its ingress; store URLs assume 80',
    fix: PREFLIGHT_FIXES.ingressPort,
  };
}
