// From nothing to a cluster that can host stores: check Docker and kind, pick host ports,
// create (or reuse) the Kind cluster, install the ingress controller. Every step reports lines
// as it goes; a cancel during creation removes the half-made cluster.
import type { KubeClient } from '../client';
import { plainMessage } from '../errors';
import { detectIngress } from '../ingress-detect';
import { checkDocker, checkKind } from './detect-tools';
import { choosePort, isPortFree } from './host-ports';
import {
  createCluster,
  deleteCluster,
  exportKubeconfig,
  listClusters,
  publishedPort,
  type KindRunner,
} from './kind-cluster';
import { KIND_DEFAULTS, kindConfigYaml, kindContext } from './kind-config';
import { installIngress } from './install-ingress';
import { TRAEFIK } from './traefik-manifests';

export type BootstrapPhase = 'check' | 'ports' | 'kind' | 'ingress' | 'done' | 'failed' | 'cancelled';

export interface BootstrapProgress {
  phase: BootstrapPhase;
  line: string;
}

export interface BootstrapResult {
  name: string;
  context: string;
  httpPort: number;
  httpsPort: number | null;
  reused: boolean;
}

export type BootstrapOutcome =
  { ok: true; value: BootstrapResult } | { ok: false; cancelled: boolean; message: string };

export interface BootstrapOptions {
  name?: string;
  /** Host port for HTTP; default 80 when free, else the first free from 8080. */
  httpPort?: number;
  workers?: number;
  /** The kubeconfig file kind writes the kind-<name> context into. */
  kubeconfigPath: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  binDir?: string | null;
  signal?: AbortSignal;
  onProgress(progress: BootstrapProgress): void;
  /** A client for a context, built fresh from the kubeconfig (the cluster's credentials are new). */
  clientFor(context: string): KubeClient;
  ingressTimeoutMs?: number;
  isPortFree?: (port: number) => Promise<boolean>;
}

class Cancelled extends Error {}

export async function bootstrapLocalCluster(options: BootstrapOptions): Promise<BootstrapOutcome> {
  const name = options.name ?? KIND_DEFAULTS.name;
  const context = kindContext(name);
  const say = (phase: BootstrapPhase, line: string) => options.onProgress({ phase, line });
  const fail = (message: string): BootstrapOutcome => {
    say('failed', message);
    return { ok: false, cancelled: false, message };
  };
  const checkCancel = () => {
    if (options.signal?.aborted) throw new Cancelled();
  };
  const detect = {
    env: options.env,
    platform: options.platform,
    binDir: options.binDir,
    signal: options.signal,
  };

  try {
    say('check', 'Checking Docker and kind');
    const [docker, kind] = await Promise.all([checkDocker(detect), checkKind(detect)]);
    checkCancel();
    for (const tool of [docker, kind]) {
      if (tool.state !== 'ok') return fail(`${tool.detail}. ${tool.fix ?? ''}`.trim());
      say('check', `✓ ${tool.detail}`);
    }
    const runner: KindRunner = { kind: kind.path ?? 'kind', env: options.env };

    let reused = (await listClusters(runner, options.signal)).includes(name);
    let httpPort: number;
    let httpsPort: number | null;
    if (reused) {
      say('kind', `Cluster "${name}" already exists; reusing it`);
      ({ httpPort, httpsPort } = await reuse(runner, name, options, say));
    } else {
      httpPort = await pickHttpPort(options);
      httpsPort = await choosePort(443, 8443, { exclude: [httpPort], isFree: options.isPortFree });
      say(
        'ports',
        `Host ports: HTTP ${httpPort}${httpPort !== 80 && options.httpPort === undefined ? ' (80 is in use)' : ''}, HTTPS ${httpsPort}`,
      );
      checkCancel();
      const created = await createCluster(runner, {
        name,
        configYaml: kindConfigYaml({ name, httpPort, httpsPort, workers: options.workers }),
        kubeconfigPath: options.kubeconfigPath,
        signal: options.signal,
        onLine: (line) => say('kind', line),
      });
      if (created.outcome === 'cancelled') {
        say('cancelled', `Cancelled; removing the half-created cluster "${name}"`);
        await deleteCluster(runner, name, options.kubeconfigPath).catch(() => undefined);
        return { ok: false, cancelled: true, message: `Cancelled; cluster "${name}" was not created` };
      }
      if (created.outcome === 'failed') return fail(created.message);
      if (created.outcome === 'exists') {
        // Someone made it between our look and kind's: the same cluster, so the same answer.
        reused = true;
        say('kind', `Cluster "${name}" already exists; reusing it`);
        ({ httpPort, httpsPort } = await reuse(runner, name, options, say));
      }
    }
    checkCancel();
    await ensureIngress(options.clientFor(context), options, (line) => say('ingress', line));
    const ports = httpPort === 80 ? '' : `:${httpPort}`;
    say(
      'done',
      `Cluster "${name}" is ready (context ${context}); stores will answer at http://<store>.localhost${ports}/`,
    );
    return { ok: true, value: { name, context, httpPort, httpsPort, reused } };
  } catch (error) {
    if (error instanceof Cancelled || options.signal?.aborted) {
      const message = `Cancelled; cluster "${name}" is kept — create again to finish setting it up`;
      say('cancelled', message);
      return { ok: false, cancelled: true, message };
    }
    return fail(plainMessage(error));
  }
}

async function pickHttpPort(options: BootstrapOptions): Promise<number> {
  if (options.httpPort === undefined) return choosePort(80, 8080, { isFree: options.isPortFree });
  const free = await (options.isPortFree ?? isPortFree)(options.httpPort);
  if (!free) throw new Error(`Host port ${options.httpPort} is already in use: choose another --http-port`);
  return options.httpPort;
}

async function reuse(
  runner: KindRunner,
  name: string,
  options: BootstrapOptions,
  say: (phase: BootstrapPhase, line: string) => void,
): Promise<{ httpPort: number; httpsPort: number | null }> {
  await exportKubeconfig(runner, name, options.kubeconfigPath, options.signal);
  say('kind', `Wrote context ${kindContext(name)} to ${options.kubeconfigPath}`);
  // The ports it was made with are whatever Docker publishes the node's 80/443 on.
  const httpPort = await publishedPort(options.env, name, 80);
  if (httpPort === null)
    throw new Error(
      `Cluster "${name}" publishes no host port for HTTP (it was not made from charts/kind/): delete it or use another --name`,
    );
  return { httpPort, httpsPort: await publishedPort(options.env, name, 443) };
}

/** Installs Traefik unless the cluster already has a working default ingress of another make. */
async function ensureIngress(
  client: KubeClient,
  options: BootstrapOptions,
  say: (line: string) => void,
): Promise<void> {
  const found = await detectIngress(client, options.signal);
  if (found.className && found.className !== TRAEFIK.ingressClass && found.controllerNamespace) {
    say(`IngressClass "${found.className}" (${found.controller}) already serves this cluster; leaving it`);
    return;
  }
  say(`Installing Traefik ${TRAEFIK.image.split(':')[1]} (ingress controller)`);
  await installIngress(client, { signal: options.signal, timeoutMs: options.ingressTimeoutMs, onLine: say });
}
