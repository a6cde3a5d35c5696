// Whether a cluster context answers, asked cheaply (GET /version, one short request, no retry)
// every few seconds, so the dashboard can say "unreachable" within seconds instead of letting
// stores look Ready — or worse, Failed — while the laptop is offline or the cluster is down.
import { VersionApi } from '@kubernetes/client-node';
import type { ContextHealth } from '../../../preload/contract';
import type { KubeClient } from '../../kube/client';
import { classifyError } from '../../kube/errors';

export interface ContextProbeOptions {
  context: string;
  /** Called on every check: a fresh client each time, so a reloaded kubeconfig is used at once. */
  clientFor(context: string): KubeClient;
  /** Called when reachability changes (and after the first check). */
  onChange(health: ContextHealth): void;
  intervalMs?: number;
  timeoutMs?: number;
  now?: () => Date;
}

export interface ContextProbe {
  current(): ContextHealth | null;
  /** Checks now (e.g. after a kubeconfig reload) instead of at the next tick. */
  checkNow(): Promise<ContextHealth>;
  stop(): void;
}

/** One GET /version within timeoutMs: null when it answered, else why not, in plain words. */
export async function probeOnce(client: KubeClient, timeoutMs: number): Promise<string | null> {
  const api = client.kubeConfig.makeApiClient(VersionApi);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
  });
  try {
    return await Promise.race([
      api.getCode().then(
        () => null,
        (error: unknown) => describeFailure(error),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Why the cluster does not answer, in words; the error's code last, once, not in nested brackets. */
export function describeFailure(error: unknown): string {
  const { message, reason: code } = classifyError(error);
  if (/certificate|self[- ]signed|UNABLE_TO_VERIFY|CERT_/i.test(message)) {
    return `its certificate is not the one in the kubeconfig; was the cluster recreated?${code ? ` (${code})` : ''}`;
  }
  if (/ECONNREFUSED/.test(message)) return 'nothing is listening at its address (connection refused)';
  return message;
}

export function startContextProbe(options: ContextProbeOptions): ContextProbe {
  const intervalMs = options.intervalMs ?? 2_000;
  const timeoutMs = options.timeoutMs ?? 3_000;
  const now = options.now ?? (() => new Date());
  let health: ContextHealth | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<ContextHealth> | null = null;

  async function check(): Promise<ContextHealth> {
    let problem: string | null;
    try {
      problem = await probeOnce(options.clientFor(options.context), timeoutMs);
    } catch (error) {
      // clientFor throws when the kubeconfig no longer has the context or cannot be read.
      problem = (error as Error).message;
    }
    const at = now().toISOString();
    const reachable = problem === null;
    const changed = !health || health.reachable !== reachable || health.message !== problem;
    health = {
      context: options.context,
      reachable,
      message: problem,
      since: changed || !health ? at : health.since,
      checkedAt: at,
    };
    if (changed && !stopped) options.onChange(health);
    return health;
  }

  function checkNow(): Promise<ContextHealth> {
    inFlight ??= check().finally(() => (inFlight = null));
    return inFlight;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      void checkNow().finally(schedule);
    }, intervalMs);
    timer.unref?.();
  }

  void checkNow().finally(schedule);
  return {
    current: () => health,
    checkNow,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
