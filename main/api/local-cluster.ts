// The local Kind cluster as a service for every transport: status for onboarding and
// `cluster status`, one create or delete at a time with its progress on the bus, and what a
// finished create leaves behind — the context selected, its host ports remembered for URLs.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  err,
  ok,
  type ClusterProgress,
  type ClusterStatus,
  type ParsedRequestOf,
  type Result,
} from '../../preload/contract';
import { KubeClient } from '../kube/client';
import type { ClientPool } from '../kube/client-pool';
import { probeContext } from '../kube/context-probe';
import { detectIngress } from '../kube/ingress-detect';
import { kubeconfigSources, loadKubeConfig } from '../kube/kubeconfig';
import { bootstrapLocalCluster } from '../kube/kind/bootstrap';
import { checkDocker, checkKind } from '../kube/kind/detect-tools';
import { downloadKind } from '../kube/kind/download-kind';
import { deleteCluster, listClusters } from '../kube/kind/kind-cluster';
import { kindContext } from '../kube/kind/kind-config';
import { KIND_RELEASE } from '../kube/kind/kind-releases';
import type { State } from '../state/open-state';
import type { ContextSession } from './context-session';
import type { EventBus } from '../primitives/event-bus';

export interface LocalClusterDeps {
  state: State;
  bus: EventBus;
  session: ContextSession;
  pool: ClientPool;
  kubeconfigPath: string | null;
  dataDir: string;
  actor: string;
  /** Environment the kind/docker commands run with (tests put stand-ins on PATH). */
  env?: NodeJS.ProcessEnv;
}

interface Running {
  id: string;
  kind: 'create' | 'delete';
  controller: AbortController;
  done: Promise<void>;
}

export class LocalClusterService {
  private running: Running | null = null;

  constructor(private readonly deps: LocalClusterDeps) {}

  private get binDir(): string {
    return path.join(this.deps.dataDir, 'bin');
  }

  /** The file kind writes new contexts to: --kubeconfig, else KUBECONFIG's first, else ~/.kube/config. */
  kubeconfigTarget(): string {
    return kubeconfigSources(this.deps.kubeconfigPath, { env: this.deps.env }).paths[0] as string;
  }

  async status(): Promise<ClusterStatus> {
    const detect = { env: this.deps.env, binDir: this.binDir };
    const [docker, kind] = await Promise.all([checkDocker(detect), checkKind(detect)]);
    const clusters =
      docker.state === 'ok' && kind.state === 'ok'
        ? await listClusters({ kind: kind.path ?? 'kind', env: this.deps.env }).catch(() => [])
        : [];
    const context = this.deps.session.current();
    const problem = await this.kubeconfigProblem(context);
    return {
      docker,
      kind,
      clusters,
      kubeconfigPath: this.kubeconfigTarget(),
      kubeconfigProblem: problem,
      ingress: context && !problem ? await this.ingressLine(context) : null,
      context,
      localCluster: context ? this.deps.state.settings.getLocalCluster(context) : null,
      operation: this.running ? { id: this.running.id, kind: this.running.kind } : null,
    };
  }

  /** Why the app cannot work with a cluster now, in one sentence; null when it can. */
  private async kubeconfigProblem(context: string | null): Promise<string | null> {
    const listed = this.deps.session.list();
    if (!listed.ok) return listed.error.message;
    if (listed.value.contexts.length === 0) return 'The kubeconfig defines no contexts';
    if (!context) return 'No context is selected';
    const loaded = loadKubeConfig(this.deps.kubeconfigPath, context);
    if (!loaded.ok) return loaded.error.message;
    const probe = await probeContext(loaded.value);
    return probe.ok ? null : probe.message;
  }

  private async ingressLine(context: string): Promise<string | null> {
    try {
      const found = await detectIngress(this.deps.pool.clientFor(context));
      if (!found.className) return found.problem;
      return found.controllerNamespace
        ? `IngressClass "${found.className}" served by ${found.controller} in namespace ${found.controllerNamespace}`
        : (found.problem ?? `IngressClass "${found.className}" has no running controller`);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  create(request: ParsedRequestOf<'createLocalCluster'>): Result<{ operationId: string }> {
    if (this.running)
      return err(
        'conflict',
        `A local cluster ${this.running.kind} is already running; wait for it or cancel it`,
      );
    const id = randomUUID();
    const controller = new AbortController();
    const kubeconfigPath = this.kubeconfigTarget();
    mkdirSync(path.dirname(kubeconfigPath), { recursive: true });
    const emit = (p: Omit<ClusterProgress, 'operationId' | 'operation'>) =>
      this.deps.bus.emit('clusterProgress', { operationId: id, operation: 'create', ...p });
    let doneLine = '';
    const done = (async () => {
      const outcome = await bootstrapLocalCluster({
        name: request.name,
        httpPort: request.httpPort,
        workers: request.workers,
        kubeconfigPath,
        env: this.deps.env,
        binDir: this.binDir,
        signal: controller.signal,
        onProgress: (p) => {
          // 'done' goes out below, once the context is selected, with the result attached.
          if (p.phase === 'done') doneLine = p.line;
          else emit(p);
        },
        clientFor: (context) => {
          const loaded = loadKubeConfig(this.deps.kubeconfigPath, context, { env: this.deps.env });
          if (!loaded.ok) throw new Error(loaded.error.message);
          return new KubeClient(loaded.value);
        },
      });
      if (outcome.ok) {
        const { name, context, httpPort, httpsPort, reused } = outcome.value;
        this.deps.state.settings.setLocalCluster({ name, context, httpPort, httpsPort });
        this.deps.pool.forget(context);
        this.deps.session.select(context);
        this.deps.state.audit.add({
          action: reused ? 'reuse-cluster' : 'create-cluster',
          resource: 'cluster',
          name,
          details: `context=${context} httpPort=${httpPort}`,
          actor: this.deps.actor,
        });
        emit({ phase: 'done', line: doneLine, result: outcome.value });
      }
    })().finally(() => {
      this.running = null;
    });
    this.running = { id, kind: 'create', controller, done };
    return ok({ operationId: id });
  }

  cancel(operationId: string): Result<Record<string, never>> {
    if (!this.running || this.running.id !== operationId)
      return err('not_found', 'No such cluster operation is running');
    this.running.controller.abort();
    return ok({});
  }

  async remove(name: string): Promise<Result<{ operationId: string }>> {
    if (this.running)
      return err(
        'conflict',
        `A local cluster ${this.running.kind} is already running; wait for it or cancel it`,
      );
    const id = randomUUID();
    const context = kindContext(name);
    const emit = (phase: ClusterProgress['phase'], line: string) =>
      this.deps.bus.emit('clusterProgress', { operationId: id, operation: 'delete', phase, line });
    let finish = (): void => {};
    this.running = {
      id,
      kind: 'delete',
      controller: new AbortController(),
      done: new Promise((r) => (finish = r)),
    };
    try {
      const kind = await checkKind({ env: this.deps.env, binDir: this.binDir });
      if (kind.state !== 'ok') {
        emit('failed', kind.detail);
        return err('not_available', `${kind.detail}. ${kind.fix ?? ''}`.trim());
      }
      const runner = { kind: kind.path ?? 'kind', env: this.deps.env };
      if (!(await listClusters(runner)).includes(name)) {
        emit('failed', `There is no kind cluster named "${name}"`);
        return err('not_found', `There is no kind cluster named "${name}"`);
      }
      await deleteCluster(runner, name, this.kubeconfigTarget(), { onLine: (line) => emit('kind', line) });
      this.deps.state.settings.forgetLocalCluster(context);
      this.deps.pool.forget(context);
      if (this.deps.session.current() === context) this.deps.session.clear();
      this.deps.state.audit.add({
        action: 'delete-cluster',
        resource: 'cluster',
        name,
        details: '',
        actor: this.deps.actor,
      });
      emit('done', `Cluster "${name}" is deleted`);
      return ok({ operationId: id });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      emit('failed', message);
      return err('internal', message);
    } finally {
      this.running = null;
      finish();
    }
  }

  async download(): Promise<Result<{ path: string; version: string }>> {
    try {
      return ok({ path: await downloadKind({ binDir: this.binDir }), version: KIND_RELEASE.version });
    } catch (error) {
      return err('not_available', error instanceof Error ? error.message : String(error));
    }
  }

  /** Resolves when the operation running now (if any) has ended. */
  settled(): Promise<void> {
    return this.running?.done ?? Promise.resolve();
  }

  close(): void {
    this.running?.controller.abort();
  }
}
