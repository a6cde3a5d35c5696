// GET /api/events as a WebSocket: every bus event is pushed to every connected page as {event, payload}.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket } from 'ws';
import type { EventBus } from '../primitives/event-bus';
import { EVENTS_SUBPROTOCOL } from '../../preload/web-auth';

export type EventSocket = {
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
};

export function createEventSocket(bus: EventBus): EventSocket {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    // A browser offering subprotocols fails the socket unless one is selected; never echo the token one.
    handleProtocols: (offered) => (offered.has(EVENTS_SUBPROTOCOL) ? EVENTS_SUBPROTOCOL : false),
  });
  // Pages only listen; anything they send is ignored.
  wss.on('connection', (ws) => ws.on('error', () => ws.terminate()));
  const unsubscribe = bus.subscribe((event, payload) => {
    const frame = JSON.stringify({ event, payload });
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(frame);
    }
  });
  return {
    upgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close() {
      unsubscribe();
      for (const client of wss.clients) client.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}
