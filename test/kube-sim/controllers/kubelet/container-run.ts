// One container's life on the simulated kubelet, as a state machine advanced to "now":
// blocked → pulling → (pull-error ⇄ pull-backoff) → creating → running → terminated → crash-backoff → …
import { invalidImageMessage } from './image-reference.js';

export type RunPhase =
  | 'blocked'
  | 'pulling'
  | 'pull-error'
  | 'pull-backoff'
  | 'config-error'
  | 'creating'
  | 'running'
  | 'terminated'
  | 'crash-backoff';

export interface Termination {
  exitCode: number;
  reason: string;
  startedAt: number;
  finishedAt: number;
  containerID: string;
  /** terminationMessagePolicy FallbackToLogsOnError: the log's tail after an error exit. */
  message?: string;
}

export interface Instance {
  startedAt: number;
  readyAt: number;
  /** When the app answers its probes (readyAt unless a failing readiness probe keeps it unready). */
  upAt?: number;
  /** Why the kubelet kills it at exitAt (a failed liveness probe), as its Killing event says. */
  killMessage?: string;
  exitAt?: number;
  exitCode: number;
  containerID: string;
}

export interface ContainerRun {
  name: string;
  image: string;
  init: boolean;
  phase: RunPhase;
  /** Deadline of the current timed phase (sim ms). */
  until: number;
  restarts: number;
  pullAttempts: number;
  configAttempts: number;
  imageID: string;
  containerID: string;
  /** Waiting reason/message for error phases (ErrImagePull, CreateContainerConfigError, …). */
  errorReason?: string;
  errorMessage?: string;
  backoffMs?: number;
  pullStartedAt?: number;
  /** The pull itself, without the wait for its turn in the node's queue (sim ms). */
  pullMs?: number;
  current?: Instance;
  terminated?: Termination;
  last?: Termination;
  restartPending: boolean;
}

export interface RunPlan {
  readyAfterMs: number;
  upAfterMs?: number;
  killMessage?: string;
  exitAfterMs?: number;
  exitCode: number;
}

export interface RunHooks {
  now: number;
  restartPolicy: string;
  containerStartMs: number;
  /** How long showing "terminated" before the restart decision (kubelet's next sync). */
  terminatedDisplayMs: number;
  errImagePullDisplayMs: number;
  backoff(attempt: number): number;
  /** cached: present on the node; else done after `ms` (waiting for its turn included), `pullMs` of it pulling. */
  pull(run: ContainerRun): { cached: true } | { cached: false; ms: number; pullMs?: number };
  /** An error message when this pull fails, with its waiting reason. */
  pullFailure(run: ContainerRun): { reason: string; message: string } | undefined;
  pulled(run: ContainerRun, ms: number): void;
  configError(run: ContainerRun): string | undefined;
  /** The runtime's CreateContainer failure (waiting reason CreateContainerError), if any. */
  createError?(run: ContainerRun): string | undefined;
  plan(run: ContainerRun): RunPlan;
  newContainerId(): string;
  event(run: ContainerRun, type: 'Normal' | 'Warning', reason: string, message: string): void;
  started(run: ContainerRun, inst: Instance): void;
  exited(run: ContainerRun, term: Termination): void;
  podRef: string;
}

export function newRun(name: string, image: string, init: boolean): ContainerRun {
  return {
    name,
    image,
    init,
    phase: 'blocked',
    until: 0,
    restarts: 0,
    pullAttempts: 0,
    configAttempts: 0,
    imageID: '',
    containerID: '',
    restartPending: false,
  };
}

function create(run: ContainerRun, h: RunHooks): void {
  const err = h.configError(run);
  if (err) {
    run.configAttempts += 1;
    run.phase = 'config-error';
    run.errorReason = 'CreateContainerConfigError';
    run.errorMessage = err;
    run.until = h.now + h.backoff(run.configAttempts);
    h.event(run, 'Warning', 'Failed', `Error: ${err}`);
    return;
  }
  const failed = h.createError?.(run);
  if (failed) {
    run.configAttempts += 1;
    run.phase = 'config-error';
    run.errorReason = 'CreateContainerError';
    run.errorMessage = failed;
    run.until = h.now + h.backoff(run.configAttempts);
    h.event(run, 'Warning', 'Failed', `Error: ${failed}`);
    return;
  }
  run.configAttempts = 0;
  run.errorReason = undefined;
  run.errorMessage = undefined;
  run.containerID = h.newContainerId();
  run.phase = 'creating';
  run.until = h.now + h.containerStartMs;
  h.event(run, 'Normal', 'Created', `Created container: ${run.name}`);
}

function beginPull(run: ContainerRun, h: RunHooks): void {
  const invalid = invalidImageMessage(run.image);
  if (invalid) {
    // Never pulled: the kubelet retries each sync and the container keeps waiting.
    run.configAttempts += 1;
    run.phase = 'config-error';
    run.errorReason = 'InvalidImageName';
    run.errorMessage = invalid;
    run.until = h.now + h.backoff(run.configAttempts);
    h.event(run, 'Warning', 'InspectFailed', invalid);
    h.event(run, 'Warning', 'Failed', 'Error: InvalidImageName');
    return;
  }
  const p = h.pull(run);
  if (p.cached) {
    h.event(run, 'Normal', 'Pulled', `Container image "${run.image}" already present on machine`);
    create(run, h);
    return;
  }
  run.phase = 'pulling';
  run.pullStartedAt = h.now;
  run.pullMs = p.pullMs ?? p.ms;
  run.until = h.now + p.ms;
  h.event(run, 'Normal', 'Pulling', `Pulling image "${run.image}"`);
}

function start(run: ContainerRun, h: RunHooks): void {
  const plan = h.plan(run);
  const inst: Instance = {
    startedAt: h.now,
    readyAt: h.now + plan.readyAfterMs,
    ...(plan.upAfterMs !== undefined ? { upAt: h.now + plan.upAfterMs } : {}),
    exitAt: plan.exitAfterMs !== undefined ? h.now + plan.exitAfterMs : undefined,
    exitCode: plan.exitCode,
    ...(plan.killMessage ? { killMessage: plan.killMessage } : {}),
    containerID: run.containerID,
  };
  run.current = inst;
  run.terminated = undefined;
  run.phase = 'running';
  run.until = Number.POSITIVE_INFINITY;
  h.event(run, 'Normal', 'Started', `Started container ${run.name}`);
  h.started(run, inst);
}

function shouldRestart(run: ContainerRun, policy: string, exitCode: number): boolean {
  // An init container that succeeded is done; a failed one is retried unless the pod's policy is Never.
  if (run.init) return exitCode !== 0 && policy !== 'Never';
  if (policy === 'Always') return true;
  return policy === 'OnFailure' && exitCode !== 0;
}

/** Advances one step if its deadline passed; returns whether anything changed. */
function step(run: ContainerRun, h: RunHooks, gateOpen: boolean): boolean {
  const now = h.now;
  switch (run.phase) {
    case 'blocked':
      if (!gateOpen) return false;
      beginPull(run, h);
      return true;
    case 'pulling': {
      if (now < run.until) return false;
      const failure = h.pullFailure(run);
      if (failure) {
        run.pullAttempts += 1;
        run.phase = 'pull-error';
        run.errorReason = failure.reason;
        run.errorMessage = failure.message;
        run.until = now + h.errImagePullDisplayMs;
        h.event(run, 'Warning', 'Failed', `Failed to pull image "${run.image}": ${failure.message}`);
        h.event(run, 'Warning', 'Failed', `Error: ${failure.reason}`);
        return true;
      }
      h.pulled(run, now - (run.pullStartedAt ?? now));
      create(run, h);
      return true;
    }
    case 'pull-error':
      if (now < run.until) return false;
      run.phase = 'pull-backoff';
      run.backoffMs = h.backoff(run.pullAttempts);
      run.until = now + run.backoffMs;
      h.event(run, 'Normal', 'BackOff', `Back-off pulling image "${run.image}"`);
      h.event(run, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      return true;
    case 'pull-backoff':
      if (now < run.until) return false;
      beginPull(run, h);
      return true;
    case 'config-error':
      if (now < run.until) return false;
      if (run.errorReason === 'InvalidImageName') beginPull(run, h);
      else create(run, h);
      return true;
    case 'creating':
      if (now < run.until) return false;
      start(run, h);
      return true;
    case 'running': {
      const inst = run.current as Instance;
      if (inst.exitAt === undefined || now < inst.exitAt) return false;
      if (inst.killMessage) h.event(run, 'Normal', 'Killing', inst.killMessage);
      const term: Termination = {
        exitCode: inst.exitCode,
        reason: inst.exitCode === 0 ? 'Completed' : 'Error',
        startedAt: inst.startedAt,
        finishedAt: inst.exitAt,
        containerID: inst.containerID,
      };
      run.terminated = term;
      run.current = undefined;
      run.phase = 'terminated';
      run.restartPending = shouldRestart(run, h.restartPolicy, term.exitCode);
      run.until = run.restartPending ? inst.exitAt + h.terminatedDisplayMs : Number.POSITIVE_INFINITY;
      h.exited(run, term);
      return true;
    }
    case 'terminated':
      if (!run.restartPending || now < run.until) return false;
      run.last = run.terminated;
      run.terminated = undefined;
      run.restartPending = false;
      if (run.restarts === 0) {
        // The kubelet restarts a container at once the first time; back-off starts with the second exit.
        run.restarts = 1;
        create(run, h);
        return true;
      }
      run.phase = 'crash-backoff';
      run.backoffMs = h.backoff(run.restarts);
      run.until = (run.last as Termination).finishedAt + run.backoffMs;
      h.event(
        run,
        'Warning',
        'BackOff',
        `Back-off restarting failed container ${run.name} in pod ${h.podRef}`,
      );
      return true;
    case 'crash-backoff':
      if (now < run.until) return false;
      run.restarts += 1;
      create(run, h);
      return true;
  }
}

/** Advances as far as "now" allows (bounded); returns the next deadline, if any. */
export function advance(run: ContainerRun, h: RunHooks, gateOpen: boolean): number | undefined {
  for (let i = 0; i < 50 && step(run, h, gateOpen); i += 1);
  const deadlines = [run.until];
  if (run.phase === 'running' && run.current) {
    if (run.current.readyAt > h.now) deadlines.push(run.current.readyAt);
    if (run.current.exitAt !== undefined) deadlines.push(run.current.exitAt);
  }
  const next = Math.min(...deadlines.filter((d) => d > h.now && Number.isFinite(d)));
  return Number.isFinite(next) ? next : undefined;
}

/** Stops a running container now (its pod is being deleted). */
export function kill(run: ContainerRun, h: RunHooks): void {
  if (run.phase === 'running' && run.current) {
    const term: Termination = {
      exitCode: 0,
      reason: 'Completed',
      startedAt: run.current.startedAt,
      finishedAt: h.now,
      containerID: run.current.containerID,
    };
    run.terminated = term;
    run.current = undefined;
    h.exited(run, term);
  }
  run.phase = 'terminated';
  run.restartPending = false;
  run.until = Number.POSITIVE_INFINITY;
}

export const isReady = (run: ContainerRun, now: number): boolean =>
  run.phase === 'running' && !!run.current && now >= run.current.readyAt;
export const hasCompleted = (run: ContainerRun): boolean =>
  run.phase === 'terminated' && run.terminated?.exitCode === 0 && !run.restartPending;
/** Past the image pull: a later container of the pod may start pulling (the kubelet pulls one image at a time). */
export const pastPull = (run: ContainerRun): boolean => !['blocked', 'pulling'].includes(run.phase);
