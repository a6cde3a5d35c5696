import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { StatusError, type KubeObject } from '../../types.js';
import { notFound } from '../../store/errors.js';
import type { PodRuntime } from '../pod-runtime.js';
import { badRequest, toStatusError } from '../status.js';

// Channel bytes of the Kubernetes remotecommand protocol.
const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const CLOSE = 255;
const STDOUT_CHUNK = 256 * 1024;
export const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

export interface ExecRequest {
  namespace: string;
  pod: string;
  container?: string;
  command: string[];
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
}

/** Query → request, with the checks the API server and kubelet make before upgrading. */
export function parseExec(
  url: URL,
  pod: KubeObject | undefined,
  namespace: string,
  name: string,
): ExecRequest {
  if (!pod) throw notFound({ group: '', plural: 'pods' }, name);
  const command = url.searchParams.getAll('command');
  if (!command.length) throw badRequest('you must specify at least 1 command');
  const names = ((pod.spec?.containers ?? []) as Array<{ name: string }>).map((c) => c.name);
  const container = url.searchParams.get('container') || undefined;
  if (container && !names.includes(container))
    throw badRequest(`container ${container} is not valid for pod ${name}`);
  if (!container && names.length > 1)
    throw badRequest(
      `a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`,
    );
  const flag = (k: string): boolean => ['true', '1'].includes(url.searchParams.get(k) ?? '');
  return {
    namespace,
    pod: name,
    container: container ?? names[0],
    command,
    stdin: flag('stdin'),
    stdout: flag('stdout'),
    stderr: flag('stderr'),
  };
}

/** The channel-3 Status the kubelet sends when the command finishes. */
export function exitStatus(command: string[], exitCode: number): Record<string, unknown> {
  if (exitCode === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  };
}

function frame(channel: number, data: string | Buffer): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return Buffer.concat([Buffer.from([channel]), body]);
}

/** Runs the command once stdin is complete (v5 close frame) and streams the result back. */
function serve(ws: WebSocket, exec: ExecRequest, runtime: PodRuntime): Promise<number> {
  return new Promise((resolve) => {
    const stdin: Buffer[] = [];
    let started = false;
    const run = (): void => {
      if (started) return;
      started = true;
      const input = exec.stdin ? Buffer.concat(stdin) : undefined;
      runtime
        .podExec(exec.namespace, exec.pod, exec.container, exec.command, input)
        .then((r) => {
          const out = r.bytes ?? Buffer.from(r.stdout, 'utf8');
          // In pieces, as a kubelet streams a container's output (a 50 MB tar is many frames).
          if (exec.stdout)
            for (let at = 0; at < out.length; at += STDOUT_CHUNK)
              ws.send(frame(STDOUT, out.subarray(at, at + STDOUT_CHUNK)));
          if (exec.stderr && r.stderr) ws.send(frame(STDERR, r.stderr));
          ws.send(frame(ERROR, JSON.stringify(exitStatus(exec.command, r.exitCode))));
          ws.close(1000);
          resolve(r.exitCode);
        })
        .catch((e: unknown) => {
          const err = toStatusError(e);
          ws.send(
            frame(
              ERROR,
              JSON.stringify({
                metadata: {},
                status: 'Failure',
                message: err.message,
                reason: err.reason,
                code: err.code,
              }),
            ),
          );
          ws.close(1000);
          resolve(-1);
        });
    };
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      const buf = isBinary ? data : Buffer.from(data.toString(), 'utf8');
      if (buf[0] === STDIN) stdin.push(buf.subarray(1));
      else if (buf[0] === CLOSE && buf[1] === STDIN) run();
    });
    ws.on('close', () => resolve(-1));
    // v4 has no way to signal the end of stdin, so only v5 waits for it.
    if (!exec.stdin || ws.protocol !== 'v5.channel.k8s.io') run();
  });
}

export function upgradeExec(
  wss: WebSocketServer,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  exec: ExecRequest,
  runtime: PodRuntime,
): Promise<number> {
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  if (!EXEC_PROTOCOLS.some((p) => offered.includes(p))) {
    throw new StatusError(
      400,
      'BadRequest',
      `unable to upgrade connection: requested protocols ${JSON.stringify(offered)} are not supported, supported: ${JSON.stringify(EXEC_PROTOCOLS)}`,
    );
  }
  return new Promise((resolve) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      void serve(ws, exec, runtime).then(resolve);
    });
  });
}

/** Picks the newest offered protocol the sim speaks (v5 first, as API servers since 1.30 do). */
export function chooseProtocol(protocols: Set<string>): string | false {
  return EXEC_PROTOCOLS.find((p) => protocols.has(p)) ?? false;
}
