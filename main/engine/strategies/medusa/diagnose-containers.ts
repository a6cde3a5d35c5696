// What a MedusaJS store's containers say when they do not come up, in plain words: the template
// install that cannot reach the npm registry, migrations that fail (PostgreSQL not answering
// above all), a server, storefront or PostgreSQL that keeps crashing, and a storefront or
// PostgreSQL that runs but never passes its readiness check. Log tails come from the kubelet's
// termination message (terminationMessagePolicy FallbackToLogsOnError on every container),
// so the diagnosis stays pure: no log request per watch event.
import type { Diagnosis } from '../strategy';
import { probeFailure, type SignalEvent } from '../../signals/workload-signals';
import { MEDUSA_COMPONENT } from './medusa-facts';

export const CRASH_LOOP_RESTARTS = 3;
/** A readiness probe failing this long is reported (the storefront waits for setup first). */
export const NOT_SERVING_AFTER_SECONDS = 120;
const TAIL_LINES = 8;

export interface ContainerStatus {
  name: string;
  restartCount?: number;
  state?: {
    waiting?: { reason?: string; message?: string };
    terminated?: { exitCode?: number; message?: string };
  };
  lastState?: { terminated?: { exitCode?: number; message?: string } };
}

export interface PodShape {
  metadata: { name: string; labels?: Record<string, string> };
  status?: { initContainerStatuses?: ContainerStatus[]; containerStatuses?: ContainerStatus[] };
}

type Found = (cause: string, message: string, terminal: boolean) => Diagnosis;

/** The last lines a container printed before it exited with an error (kubelet's message). */
export function lastLines(s: ContainerStatus): string[] {
  const message = s.state?.terminated?.message ?? s.lastState?.terminated?.message ?? '';
  return message
    .split('\n')
    .map((l) => l.trimEnd())
    .filter(Boolean)
    .slice(-TAIL_LINES);
}

const restarted = (n: number): string => `restarted ${n} time${n === 1 ? '' : 's'}`;

const withTail = (text: string, tail: string[]) =>
  tail.length > 0 ? `${text} Last log lines:\n${tail.join('\n')}` : text;

const NETWORK = /EAI_AGAIN|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|ECONNRESET|network|socket hang up/i;

/** An init container (install or migrate) that failed, in words about what it was doing. */
function initFailure(s: ContainerStatus, restarts: number, found: Found): Diagnosis | null {
  const tail = lastLines(s);
  const text = tail.join('\n');
  const terminal = restarts >= CRASH_LOOP_RESTARTS;
  if (s.name === 'install') {
    if (/npm ci failed/.test(text) && NETWORK.test(text))
      return found(
        'RegistryUnreachable',
        withTail(
          'The Medusa app cannot be installed: the cluster cannot reach the npm registry (registry.npmjs.org). Give the cluster internet access (or a proxy / registry mirror) and retry.',
          tail,
        ),
        terminal,
      );
    return found(
      'InstallFailed',
      withTail(`Installing the Medusa app failed (${restarted(restarts)}).`, tail),
      terminal,
    );
  }
  if (s.name === 'migrate') {
    const waited = /wait-tcp: (\S+) did not accept a connection/.exec(text);
    if (waited)
      return found(
        'PostgresNotReady',
        withTail(
          `The database migrations cannot run: PostgreSQL (${waited[1]}) does not accept connections. Check the postgres pod in Health and Logs.`,
          tail,
        ),
        terminal,
      );
    return found(
      'MigrationFailed',
      withTail(`The database migrations of the Medusa server failed (${restarted(restarts)}).`, tail),
      terminal,
    );
  }
  return null;
}

const CRASHING: Record<string, string> = {
  [MEDUSA_COMPONENT.server]: 'The Medusa server keeps crashing after it starts',
  [MEDUSA_COMPONENT.storefront]: 'The storefront keeps crashing',
  [MEDUSA_COMPONENT.postgres]: 'PostgreSQL keeps failing to start',
  [MEDUSA_COMPONENT.redis]: 'Redis keeps failing to start',
};

/** A container in CrashLoopBackOff, or an init container that exited with an error. */
export function crashDiagnosis(
  component: string,
  who: string,
  s: ContainerStatus & { init: boolean },
  found: Found,
): Diagnosis | null {
  const waiting = s.state?.waiting?.reason;
  const failedInit = s.init && (s.state?.terminated?.exitCode ?? 0) !== 0;
  if (waiting !== 'CrashLoopBackOff' && !failedInit) return null;
  const restarts = s.restartCount ?? 0;
  if (s.init) {
    const init = initFailure(s, restarts, found);
    if (init) return init;
  }
  const what = CRASHING[component] ?? `${who} keeps failing`;
  return found(
    'CrashLoopBackOff',
    withTail(`${what}: ${restarted(restarts)}.`, lastLines(s)),
    restarts >= CRASH_LOOP_RESTARTS,
  );
}

const NOT_SERVING: Record<string, string> = {
  [MEDUSA_COMPONENT.storefront]:
    'The storefront runs but does not serve: its readiness check (/healthz) fails. It serves once setup has made the publishable key and region; if setup has finished, see the storefront and server logs.',
  [MEDUSA_COMPONENT.postgres]:
    'PostgreSQL runs but is not ready (pg_isready fails); the Medusa server cannot migrate or start without it.',
};

/** A storefront or PostgreSQL that has failed its readiness probe for a while. */
export function notServingDiagnosis(
  component: string,
  pod: PodShape,
  events: SignalEvent[],
  found: Found,
  /** How long the probe must have failed (0: any failure counts, e.g. once setup has failed). */
  afterSeconds = NOT_SERVING_AFTER_SECONDS,
): Diagnosis | null {
  const words = NOT_SERVING[component];
  if (!words) return null;
  const failure = probeFailure(pod, events, ['Readiness']);
  if (!failure || failure.seconds < afterSeconds) return null;
  return found(
    'NotServing',
    `${words} (${failure.detail || 'probe failed'}, ${failure.times} time${failure.times === 1 ? '' : 's'})`,
    false,
  );
}
