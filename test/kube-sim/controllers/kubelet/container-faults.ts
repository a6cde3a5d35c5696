// Faults aimed at one container rather than an image: Medusa's install, migrate, server and
// storefront containers all run the same Node image, so "the migrations fail" needs the pod and
// container name. Patterns match `<pod name>/<container name>`, e.g. `^medusa-server-.*/migrate$`.
// Also the kubelet's terminationMessagePolicy FallbackToLogsOnError: a container that exits
// with an error and wrote no termination message gets its log's tail as the message.
import type { FaultConfig } from '../../types.js';
import type { LogInstance } from '../logs/log-instance.js';

const matches = (pattern: string | undefined, text: string): boolean =>
  !!pattern && new RegExp(pattern).test(text);

export const containerTarget = (pod: string, container: string): string => `${pod}/${container}`;

/** Exits 1 at start (crashLoopPattern by image, containerCrashPattern by pod/container). */
export function crashes(faults: FaultConfig, image: string, pod: string, container: string): boolean {
  return (
    matches(faults.crashLoopPattern, image) ||
    matches(faults.containerCrashPattern, containerTarget(pod, container))
  );
}

/** Never passes its readiness probe (containerUnreadyPattern by pod/container). */
export const unready = (faults: FaultConfig, pod: string, container: string): boolean =>
  matches(faults.containerUnreadyPattern, containerTarget(pod, container));

/** kubelet's bounds for a message taken from the log (pkg/kubelet/container: 80 lines, 2 KiB). */
const MAX_LOG_LINES = 80;
const MAX_LOG_BYTES = 2048;

export function fallbackTerminationMessage(
  policy: string | undefined,
  exitCode: number,
  log: LogInstance | undefined,
  at: number,
): string | undefined {
  if (policy !== 'FallbackToLogsOnError' || exitCode === 0 || !log) return undefined;
  const text = log
    .lines(at)
    .slice(-MAX_LOG_LINES)
    .map((l) => `${l.text}\n`)
    .join('');
  const bytes = Buffer.from(text);
  return bytes.length > MAX_LOG_BYTES ? bytes.subarray(bytes.length - MAX_LOG_BYTES).toString() : text;
}
