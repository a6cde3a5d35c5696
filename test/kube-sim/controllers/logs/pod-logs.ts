import { StatusError, type KubeObject } from '../../types.js';
import type { Runtime } from '../runtime.js';
import type { LogBook } from './log-book.js';
import { isAfter, type LogInstance, type LogLine } from './log-instance.js';

export interface PodLogOptions {
  container?: string;
  tailLines?: number;
  follow?: boolean;
  timestamps?: boolean;
  /** The previous instance of the container (kubectl logs --previous). */
  previous?: boolean;
}

export interface PodLogResult {
  lines: string[];
  follow?: (onLine: (line: string) => void, onEnd: () => void) => () => void;
}

type Named = { name: string };

export const podNotFound = (name: string): StatusError =>
  new StatusError(404, 'NotFound', `pods "${name}" not found`, { name, kind: 'pods' });

/** The API server's container defaulting for pods/log (registry/core/pod: validateContainer). */
export function logContainer(pod: KubeObject, requested: string | undefined): string {
  const containers = (pod.spec?.containers ?? []) as Named[];
  const inits = (pod.spec?.initContainers ?? []) as Named[];
  const name = pod.metadata.name;
  if (!requested) {
    if (containers.length === 1) return (containers[0] as Named).name;
    if (!containers.length)
      throw new StatusError(400, 'BadRequest', `a container name must be specified for pod ${name}`);
    throw new StatusError(
      400,
      'BadRequest',
      `a container name must be specified for pod ${name}, choose one of: [${[...inits, ...containers].map((c) => c.name).join(' ')}]`,
    );
  }
  if (![...containers, ...inits].some((c) => c.name === requested))
    throw new StatusError(400, 'BadRequest', `container ${requested} is not valid for pod ${name}`);
  return requested;
}

type CStatus = {
  name: string;
  state?: Record<string, { reason?: string } | undefined>;
  lastState?: { terminated?: { containerID?: string } };
};

/** The kubelet's timestamps=true prefix: RFC 3339 with a fixed 9-digit fraction (types.RFC3339NanoFixed). */
export function rfc3339NanoFixed(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

function statusOf(pod: KubeObject, container: string): CStatus | undefined {
  return [
    ...((pod.status?.initContainerStatuses ?? []) as CStatus[]),
    ...((pod.status?.containerStatuses ?? []) as CStatus[]),
  ].find((s) => s.name === container);
}

/** kubelet's validateContainerLogStatus with previous=true: the last terminated instance's ID, or 400. */
function previousContainerId(pod: KubeObject, container: string): string {
  const id = statusOf(pod, container)?.lastState?.terminated?.containerID ?? '';
  if (!id)
    throw new StatusError(
      400,
      'BadRequest',
      `previous terminated container "${container}" in pod "${pod.metadata.name}" not found`,
    );
  return id.replace(/^[a-z]+:\/\//, '');
}

/** kubelet's validateContainerLogStatus: which instance to read, or why there is nothing to read yet. */
function checkLogStatus(pod: KubeObject, container: string): void {
  const cs = statusOf(pod, container);
  const prefix = `container "${container}" in pod "${pod.metadata.name}" is waiting to start`;
  if (!cs) throw new StatusError(400, 'BadRequest', `${prefix}: ContainerCreating`);
  if (cs.state?.running || cs.state?.terminated || cs.lastState?.terminated) return;
  const reason = cs.state?.waiting?.reason ?? 'ContainerCreating';
  if (reason === 'ErrImagePull') throw new StatusError(400, 'BadRequest', `${prefix}: image can't be pulled`);
  if (reason === 'ImagePullBackOff')
    throw new StatusError(400, 'BadRequest', `${prefix}: trying and failing to pull image`);
  throw new StatusError(400, 'BadRequest', `${prefix}: ${reason}`);
}

export function createPodLogs(
  rt: Runtime,
  logs: LogBook,
): { podLogs(namespace: string, pod: string, opts: PodLogOptions): PodLogResult; stop(): void } {
  const sessions = new Set<() => void>();

  function follow(inst: LogInstance, from: LogLine | undefined, format: (l: LogLine) => string) {
    return (onLine: (line: string) => void, onEnd: () => void): (() => void) => {
      let cursor = from ? { at: from.at, seq: from.seq } : { at: Number.NEGATIVE_INFINITY, seq: -1 };
      let timer: { cancel(): void } | undefined;
      let done = false;
      const finish = (): void => {
        if (done) return;
        done = true;
        timer?.cancel();
        unwatch();
        sessions.delete(finish);
        onEnd();
      };
      const tick = (): void => {
        if (done) return;
        timer?.cancel();
        const now = rt.clock.now();
        for (const l of inst.lines(now)) {
          if (!isAfter(l, cursor.at, cursor.seq)) continue;
          cursor = { at: l.at, seq: l.seq };
          onLine(format(l));
        }
        if (inst.ended && now >= (inst.endTime as number)) return finish();
        const next = inst.nextAt(cursor.at, cursor.seq);
        // Never re-arm for the same instant: a line due now but not yet visible must not spin.
        if (next !== undefined) timer = rt.after(Math.max(1, next - now), tick);
        else if (inst.ended) timer = rt.after(Math.max(0, (inst.endTime as number) - now), tick);
      };
      const unwatch = inst.onEnd(() => {
        // The container just stopped: deliver what it wrote, then end, without waiting on a timer.
        timer?.cancel();
        timer = rt.after(0, tick);
      });
      sessions.add(finish);
      tick();
      return () => {
        done = true;
        timer?.cancel();
        unwatch();
        sessions.delete(finish);
      };
    };
  }

  return {
    podLogs(namespace, name, opts) {
      const pod = rt.store.get('pods', namespace, name);
      if (!pod) throw podNotFound(name);
      const container = logContainer(pod, opts.container);
      // An unscheduled pod has no kubelet to ask: the API server answers with an empty log.
      if (!pod.spec?.nodeName)
        return {
          lines: [],
          ...(opts.follow
            ? { follow: (_l: (line: string) => void, onEnd: () => void) => (onEnd(), () => undefined) }
            : {}),
        };
      const uid = pod.metadata.uid as string;
      let inst: LogInstance | undefined;
      if (opts.previous) inst = logs.byContainerId(uid, container, previousContainerId(pod, container));
      else {
        checkLogStatus(pod, container);
        inst = logs.current(uid, container);
      }
      const format = (l: LogLine): string =>
        opts.timestamps ? `${rfc3339NanoFixed(l.at)} ${l.text}` : l.text;
      if (!inst) return { lines: [] };
      let lines = inst.lines(rt.clock.now());
      const last = lines[lines.length - 1];
      if (opts.tailLines !== undefined && opts.tailLines >= 0)
        lines = opts.tailLines === 0 ? [] : lines.slice(-opts.tailLines);
      return { lines: lines.map(format), ...(opts.follow ? { follow: follow(inst, last, format) } : {}) };
    },
    stop() {
      for (const end of [...sessions]) end();
    },
  };
}
