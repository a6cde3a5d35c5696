// A local TCP port on 127.0.0.1 forwarded to a pod's port, as `kubectl port-forward` does:
// every accepted connection gets its own pods/portforward WebSocket (client-node's PortForward
// carries one connection per socket). Only loopback is ever bound.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { PortForward, type KubeConfig } from '@kubernetes/client-node';

export interface ForwardTarget {
  namespace: string;
  pod: string;
  port: number;
}

export interface PortForwardHandle {
  host: '127.0.0.1';
  port: number;
  /** Connections served so far (for the UI: "1 client connected"). */
  connections(): number;
  /** The last error the pod side reported for a connection, if any. */
  lastError(): string | null;
  close(): Promise<void>;
}

/**
 * A refused upgrade's reason. ws rejects with an ErrorEvent, not an Error, whose message names
 * the API server's answer ("Unexpected server response: 403").
 */
function upgradeFailure(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message !== '' ? message : String(error);
}

export async function startPortForward(
  kubeConfig: KubeConfig,
  target: ForwardTarget,
  options: { localPort?: number; onError?: (message: string) => void } = {},
): Promise<PortForwardHandle> {
  const forward = new PortForward(kubeConfig);
  const open = new Set<Socket>();
  const sockets = new Set<{ close(): void }>();
  let served = 0;
  let lastError: string | null = null;

  const server: Server = createServer((socket) => {
    served++;
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
    // The error channel carries the kubelet's reason (e.g. nothing listens on the port).
    const errors = new Writable({
      write(chunk: Buffer, _enc, done) {
        // The stream opens with the port number, which client-node strips to an empty chunk.
        if (chunk.length === 0) return done();
        lastError = chunk.toString('utf8');
        options.onError?.(lastError);
        socket.destroy();
        done();
      },
    });
    forward
      .portForward(target.namespace, target.pod, [target.port], socket, errors, socket)
      .then((ws) => {
        if (typeof ws === 'function') return;
        // Closed (or the forward stopped) while the upgrade was on its way: no stream to keep.
        if (socket.destroyed) return ws.close();
        sockets.add(ws);
        ws.on('close', () => {
          sockets.delete(ws);
          socket.end();
        });
        socket.on('close', () => ws.close());
      })
      .catch((error: unknown) => {
        lastError = upgradeFailure(error);
        options.onError?.(lastError);
        socket.destroy();
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.localPort ?? 0, '127.0.0.1', () => resolve());
  });

  return {
    host: '127.0.0.1',
    port: (server.address() as AddressInfo).port,
    connections: () => served,
    lastError: () => lastError,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of sockets) ws.close();
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
