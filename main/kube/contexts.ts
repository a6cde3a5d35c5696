// The cluster contexts a user can pick from, as the contract's ContextInfo. "Local" decides the
// store host (<slug>.localhost, which resolves to loopback offline) and is judged by the context
// name of the well-known local distributions or by a loopback API server.
import { isIPv4 } from 'node:net';
import type { KubeConfig } from '@kubernetes/client-node';
import { err, ok, type ContextInfo, type Result } from '../../preload/contract';
import { readKubeconfig, type KubeconfigOptions } from './kubeconfig';

const LOCAL_NAME_PREFIXES = ['kind-', 'k3d-'];
const LOCAL_NAMES = new Set([
  'minikube',
  'docker-desktop',
  'docker-for-desktop',
  'rancher-desktop',
  'orbstack',
]);

export interface ContextList {
  current: string | null;
  contexts: ContextInfo[];
}

function isLoopbackServer(server: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(server).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true;
  if (hostname === '[::1]') return true;
  return isIPv4(hostname) && hostname.startsWith('127.');
}

export function isLocalContext(name: string, server: string): boolean {
  return (
    LOCAL_NAMES.has(name) ||
    LOCAL_NAME_PREFIXES.some((prefix) => name.startsWith(prefix)) ||
    isLoopbackServer(server)
  );
}

/** null when the context is not defined; a missing cluster shows an empty server. */
export function toContextInfo(kubeConfig: KubeConfig, name: string): ContextInfo | null {
  const context = kubeConfig.getContextObject(name);
  if (!context) return null;
  const server = kubeConfig.getCluster(context.cluster)?.server ?? '';
  return {
    name: context.name,
    cluster: context.cluster,
    server,
    user: context.user ?? '',
    isLocal: isLocalContext(context.name, server),
  };
}

function contextList(kubeConfig: KubeConfig): ContextList {
  const contexts = kubeConfig.contexts
    .map((context) => toContextInfo(kubeConfig, context.name))
    .filter((info): info is ContextInfo => info !== null);
  const current = kubeConfig.getCurrentContext() || null;
  // A current-context naming an undefined context is as good as none.
  return { current: current && contexts.some((c) => c.name === current) ? current : null, contexts };
}

export function listContexts(
  kubeconfigPath?: string | null,
  options: KubeconfigOptions = {},
): Result<ContextList> {
  const loaded = readKubeconfig(kubeconfigPath, options);
  return loaded.ok ? ok(contextList(loaded.value.kubeConfig)) : loaded;
}

/** The named context, or an error listing the ones that exist. */
export function findContext(
  name: string,
  kubeconfigPath?: string | null,
  options: KubeconfigOptions = {},
): Result<ContextInfo> {
  const loaded = readKubeconfig(kubeconfigPath, options);
  if (!loaded.ok) return loaded;
  const info = toContextInfo(loaded.value.kubeConfig, name);
  if (info) return ok(info);
  const names = loaded.value.kubeConfig.contexts.map((context) => context.name);
  const where = loaded.value.paths.join(', ');
  return err(
    'no_context',
    `Context "${name}" is not in ${where}; ${names.length > 0 ? `available: ${names.join(', ')}` : 'it defines no contexts'}`,
  );
}
