// Runs one command in a pod's container over the pods/exec WebSocket (client-node's Exec) and
// hands back what a shell user would see: stdout, stderr and the exit code. Output can also be
// streamed line-agnostic as it arrives, for consoles that show it live.
import { Writable, Readable } from 'node:stream';
import { Exec, type KubeConfig, type V1Status } from '@kubernetes/client-node';

export interface ExecOptions {
  /** The command's standard input (bytes, or a stream piped as it comes); closed after its end. */
  stdin?: string | Buffer | Readable;
  onStdout?: (chunk: Buffer) => void;
  onStderr?: (chunk: Buffer) => void;
  /** Keep stdout in the result (default true); a console that streams it can turn this off. */
  collect?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface ExecOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export class ExecError extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

/** The exit code in the kubelet's channel-3 Status: Success → 0, NonZeroExitCode → its cause. */
function exitCodeOf(status: V1Status): number | ExecError {
  if (status.status === 'Success') return 0;
  if (status.reason === 'NonZeroExitCode') {
    const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode');
    const code = Number(cause?.message);
    if (Number.isInteger(code)) return code;
  }
  return new ExecError(status.message ?? 'the command could not run', status.reason ?? 'ExecFailed');
}

function sink(onChunk: ((chunk: Buffer) => void) | undefined, keep: Buffer[] | null): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      keep?.push(chunk);
      onChunk?.(chunk);
      done();
    },
  });
}

export async function execInPod(
  kubeConfig: KubeConfig,
  target: { namespace: string; pod: string; container: string },
  command: string[],
  options: ExecOptions = {},
): Promise<ExecOutcome> {
  const out: Buffer[] | null = options.collect === false ? null : [];
  const err: Buffer[] = [];
  const stdout = sink(options.onStdout, out);
  const stderr = sink(options.onStderr, err);
  const stdin =
    options.stdin === undefined
      ? null
      : options.stdin instanceof Readable
        ? options.stdin
        : Readable.from([Buffer.from(options.stdin)]);
  const timeoutMs = options.timeoutMs ?? 60_000;

  return new Promise<ExecOutcome>((resolve, reject) => {
    let settled = false;
    let socket: { close(): void } | undefined;
    const finish = (result: ExecOutcome | Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket?.close();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onAbort = (): void => finish(new ExecError('the command was cancelled', 'Cancelled'));
    const timer = setTimeout(
      () => finish(new ExecError(`the command did not finish within ${timeoutMs / 1000} s`, 'Timeout')),
      timeoutMs,
    );
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) onAbort();
    // A piped input that breaks (its source failed) must not leave the command waiting for more.
    stdin?.once('error', (error) =>
      finish(new ExecError(`the input stream failed: ${error.message}`, 'StdinFailed')),
    );
    const onStatus = (status: V1Status): void => {
      const code = exitCodeOf(status);
      if (code instanceof ExecError) return finish(code);
      finish({
        exitCode: code,
        stdout: out ? Buffer.concat(out).toString('utf8') : '',
        stderr: Buffer.concat(err).toString('utf8'),
      });
    };
    new Exec(kubeConfig)
      .exec(target.namespace, target.pod, target.container, command, stdout, stderr, stdin, false, onStatus)
      .then((ws) => {
        socket = ws;
        if (settled) ws.close();
        // A socket that closes without a status frame means the stream broke (kubelet gone).
        ws.on('close', () => finish(new ExecError('the connection to the pod closed early', 'Closed')));
      })
      .catch((error: unknown) => finish(error instanceof Error ? error : new Error(String(error))));
  });
}
