// The kubelet's prober (pkg/kubelet/prober) over sim time: a probe runs every periodSeconds
// after initialDelaySeconds, and each failure is a Warning `Unhealthy` event with the kubelet's
// own words ("Readiness probe failed: HTTP probe failed with statuscode: 500"). Probes are not
// executed (there is no network): they fail while the app is still starting (before the
// container's ready time) and whenever a fault pattern says the app is unhealthy. A liveness
// probe failing failureThreshold times in a row gets the container killed and restarted.
import { imageFlavour } from '../image.js';
import type { ContainerRun, Instance } from './container-run.js';

type ProbeKind = 'Startup' | 'Readiness' | 'Liveness';

export interface ProbeSpec {
  httpGet?: { path?: string; port?: number | string; scheme?: string; host?: string };
  tcpSocket?: { port?: number | string; host?: string };
  exec?: { command?: string[] };
  grpc?: { port?: number };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  failureThreshold?: number;
}

export interface ProbedContainer {
  ports?: Array<{ name?: string; containerPort?: number }>;
  startupProbe?: ProbeSpec;
  readinessProbe?: ProbeSpec;
  livenessProbe?: ProbeSpec;
}

/** Per-instance progress, so a tick is reported once. Key: containerID. */
export type ProbeLedger = Map<string, Partial<Record<ProbeKind, number>>>;

export interface ProbeContext {
  now: number;
  podIP: string;
  /** The app answers its probes badly (fault patterns), as opposed to "not up yet". */
  readinessFails: boolean;
  livenessFails: boolean;
  unhealthy(run: ContainerRun, message: string): void;
}

const seconds = (v: number | undefined, fallback: number): number =>
  (typeof v === 'number' && v >= 0 ? v : fallback) * 1000;
const periodMs = (p: ProbeSpec): number => Math.max(1, seconds(p.periodSeconds, 10));
export const failureThreshold = (p: ProbeSpec): number => Math.max(1, p.failureThreshold ?? 3);

function portOf(p: ProbeSpec, c: ProbedContainer): string {
  const port = p.httpGet?.port ?? p.tcpSocket?.port ?? p.grpc?.port;
  if (typeof port === 'number') return String(port);
  const named = (c.ports ?? []).find((x) => x.name === port)?.containerPort;
  return String(named ?? port ?? 80);
}

/** What the probe's runner reports: `refused` while nothing listens, else an unhealthy answer. */
export function probeOutput(
  p: ProbeSpec,
  c: ProbedContainer,
  image: string,
  podIP: string,
  refused: boolean,
): string {
  const host = p.httpGet?.host ?? p.tcpSocket?.host ?? podIP;
  const address = `${host}:${portOf(p, c)}`;
  const dial = `dial tcp ${address}: connect: connection refused`;
  if (p.httpGet) {
    if (!refused) return 'HTTP probe failed with statuscode: 500';
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    return `Get "${scheme}://${address}${p.httpGet.path ?? '/'}": ${dial}`;
  }
  if (p.tcpSocket) return dial;
  if (p.grpc) return `timeout: failed to connect service "${address}" within 1s`;
  // exec: the command's combined output; a MySQL client names the server it could not reach.
  if (imageFlavour(image) === 'mysql')
    return "ERROR 2003 (HY000): Can't connect to MySQL server on '127.0.0.1:3306' (111)";
  return '';
}

/** Tick times (sim ms) of a probe that starts counting at `from`, in [lo, hi), at most `limit`. */
function ticks(p: ProbeSpec, from: number, lo: number, hi: number, limit = 1000): number[] {
  const first = from + seconds(p.initialDelaySeconds, 0);
  const period = periodMs(p);
  const out: number[] = [];
  const start = Math.max(0, Math.ceil((lo - first) / period));
  for (let k = start; out.length < limit; k += 1) {
    const t = first + k * period;
    if (t >= hi) break;
    if (t >= lo) out.push(t);
  }
  return out;
}

/**
 * When a liveness probe that always fails gets the container killed: its failureThreshold-th
 * tick, counted from start (or from when the startup probe succeeded).
 */
export function livenessKillAfterMs(c: ProbedContainer, readyAfterMs: number): number | undefined {
  const p = c.livenessProbe;
  if (!p) return undefined;
  const from = c.startupProbe ? Math.min(readyAfterMs, Number.MAX_SAFE_INTEGER) : 0;
  return from + seconds(p.initialDelaySeconds, 0) + (failureThreshold(p) - 1) * periodMs(p);
}

/**
 * Emits the Unhealthy events of every tick in (last sync, now] for one running instance and
 * returns the next tick that will report something.
 */
export function syncProbes(
  run: ContainerRun,
  inst: Instance,
  c: ProbedContainer,
  ledger: ProbeLedger,
  ctx: ProbeContext,
): number | undefined {
  const seen = ledger.get(inst.containerID) ?? {};
  ledger.set(inst.containerID, seen);
  const started = inst.startedAt;
  const appUp = inst.upAt ?? inst.readyAt;
  // A startup probe holds the other two back until it succeeds (when the app is up).
  const gate = c.startupProbe ? appUp : started;
  const plan: Array<{ kind: ProbeKind; p: ProbeSpec; from: number; until: number }> = [];
  if (c.startupProbe) plan.push({ kind: 'Startup', p: c.startupProbe, from: started, until: appUp });
  if (c.readinessProbe)
    plan.push({
      kind: 'Readiness',
      p: c.readinessProbe,
      from: gate,
      until: ctx.readinessFails ? Number.POSITIVE_INFINITY : appUp,
    });
  if (c.livenessProbe && ctx.livenessFails)
    plan.push({
      kind: 'Liveness',
      p: c.livenessProbe,
      from: gate,
      until: (inst.exitAt ?? Number.POSITIVE_INFINITY) + 1,
    });
  let next = Number.POSITIVE_INFINITY;
  for (const { kind, p, from, until } of plan) {
    if (!Number.isFinite(from)) continue;
    const lo = (seen[kind] ?? from - 1) + 1;
    for (const t of ticks(p, from, lo, Math.min(until, ctx.now + 1))) {
      seen[kind] = t;
      const output = probeOutput(p, c, run.image, ctx.podIP, t < appUp);
      ctx.unhealthy(run, `${kind} probe failed: ${output}`);
    }
    const [upcoming] = ticks(p, from, Math.max(lo, ctx.now + 1), until, 1);
    if (upcoming !== undefined) next = Math.min(next, upcoming);
  }
  return Number.isFinite(next) ? next : undefined;
}
