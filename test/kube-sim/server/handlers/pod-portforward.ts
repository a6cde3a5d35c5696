// pods/portforward over WebSocket, as the kubelet serves it (pkg/kubelet/cri/streaming/
// portforward/websocket.go): protocol v4.channel.k8s.io, two channels per port (data 2i,
// error 2i+1), each opened by a frame carrying the port as two little-endian bytes. The
// simulator runs no processes, so what answers on a pod's port is a backend the test names
// (setPortBackend); with none, the connection is refused with the kubelet's error.
import { connect, type Socket } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { StatusError, type KubeObject } from '../../types.js';
import { notFound } from '../../store/errors.js';
import { badRequest } from '../status.js';

export const PORTFORWARD_PROTOCOLS = ['v4.channel.k8s.io'];

/** Where a pod's port is really served, for the tests: a TCP address on loopback. */
export type PortBackend = (
  namespace: string,
  pod: string,
  port: number,
) => { host: string; port: number } | undefined;

export interface PortForwardRequest {
  namespace: string;
  pod: KubeObject;
  ports: number[];
}

export function parsePortForward(url: URL, pod: KubeObject | undefined, namespace: string, name: string) {
  if (!pod) throw notFound({ group: '', plural: 'pods' }, name);
  const raw = url.searchParams.getAll('ports').flatMap((p) => p.split(','));
  if (!raw.length) throw badRequest('"ports" query parameter is required');
  const ports = raw.map((p) => {
    const port = Number(p.trim());
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      throw badRequest(`unable to parse "${p}" as a port: invalid port number`);
    return port;
  });
  if (pod.status?.phase !== 'Running')
    throw new StatusError(
      400,
      'BadRequest',
      `unable to upgrade connection: pod ${name} is not running (phase ${String(pod.status?.phase ?? 'Pending')})`,
    );
  return { namespace, pod, ports } satisfies PortForwardRequest;
}

const frame = (channel: number, data: Buffer): Buffer => Buffer.concat([Buffer.from([channel]), data]);
const portBytes = (port: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(port, 0);
  return b;
};

function serve(ws: WebSocket, request: PortForwardRequest, backend: PortBackend | undefined): void {
  const name = request.pod.metadata.name;
  const uid = String(request.pod.metadata.uid ?? '');
  const sockets: Socket[] = [];
  request.ports.forEach((port, i) => {
    ws.send(frame(2 * i, portBytes(port)));
    ws.send(frame(2 * i + 1, portBytes(port)));
    const target = backend?.(request.namespace, name, port);
    const refuse = (detail: string): void => {
      if (ws.readyState !== ws.OPEN) return;
      ws.send(
        frame(
          2 * i + 1,
          Buffer.from(
            `an error occurred forwarding ${port} -> ${port}: error forwarding port ${port} to pod ${uid}, uid : failed to connect to localhost:${port} inside namespace "${request.namespace}": ${detail}`,
          ),
        ),
      );
    };
    if (!target) return refuse(`dial tcp4 127.0.0.1:${port}: connect: connection refused`);
    const socket = connect(target.port, target.host);
    sockets[i] = socket;
    socket.on('data', (chunk: Buffer) => {
      if (ws.readyState === ws.OPEN) ws.send(frame(2 * i, chunk));
    });
    socket.on('error', (e) => refuse(e.message));
    // The pod side closed the connection: so does the kubelet's stream.
    socket.on('close', () => ws.close(1000));
  });
  ws.on('message', (data: Buffer) => {
    const channel = data[0] ?? -1;
    if (channel % 2 !== 0) return;
    sockets[channel / 2]?.write(data.subarray(1));
  });
  ws.on('close', () => sockets.forEach((s) => s?.destroy()));
}

export function createPortForwardUpgrader(backend: () => PortBackend | undefined) {
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered) => PORTFORWARD_PROTOCOLS.find((p) => offered.has(p)) ?? false,
  });
  return {
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, request: PortForwardRequest): void {
      const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
      if (!PORTFORWARD_PROTOCOLS.some((p) => offered.includes(p)))
        throw new StatusError(
          400,
          'BadRequest',
          `unable to upgrade connection: requested protocols ${JSON.stringify(offered)} are not supported, supported: ${JSON.stringify(PORTFORWARD_PROTOCOLS)}`,
        );
      wss.handleUpgrade(req, socket, head, (ws) => serve(ws, request, backend()));
    },
    close(): void {
      for (const c of wss.clients) c.terminate();
      wss.close();
    },
  };
}
