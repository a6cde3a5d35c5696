// The web host: the built renderer and the contract (requests over HTTP, events over a
// WebSocket) on 127.0.0.1 only. The page itself is public (it is the same bundle for everyone);
// every request and the event socket need the random token (see preload/web-auth.ts).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { contentSecurityPolicy } from '../desktop/csp';
import type { Handlers } from '../api/handler-types';
import type { EventBus } from '../primitives/event-bus';
import { handleApiRequest, sendJson } from './api-route';
import { handleUpload, removeUploadsAfterRestore, UPLOAD_PATH } from './upload-route';
import { createEventSocket } from './event-socket';
import { isAllowedHost, isAllowedOrigin, presentedToken, tokensEqual } from './host-guard';
import { sendStaticFile } from './static-files';
import { TOKEN_FRAGMENT_KEY } from '../../preload/web-auth';

export type WebHostOptions = {
  handlers: Handlers;
  bus: EventBus;
  /** 0 or absent: any free port. */
  port?: number;
  /** The built renderer (out/web). */
  staticDir: string;
  token?: string;
};

export type WebHost = {
  /** http://127.0.0.1:<port> */
  url: string;
  /** The URL to open in a browser: url + /#token=… (a fragment never reaches a server or a log). */
  launchUrl: string;
  token: string;
  address(): AddressInfo;
  close(): Promise<void>;
};

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy('web'),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(`${message}\n`);
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const events = createEventSocket(options.bus);
  const handlers = removeUploadsAfterRestore(options.handlers, options.bus);
  let port = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      refuse(res, 403, 'Forbidden: this host only answers http://127.0.0.1 and http://localhost');
      return;
    }
    // The request target is a path: '//evil.example/x' must not become a URL on another host.
    const url = new URL(`http://127.0.0.1${(req.url ?? '/').startsWith('/') ? req.url : '/'}`);
    const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
    if (isApi && !tokensEqual(presentedToken(req.headers), token)) {
      sendJson(
        res,
        401,
        { ok: false, error: { code: 'forbidden', message: 'Missing or wrong token' } },
        SECURITY_HEADERS,
      );
      return;
    }
    if (url.pathname === UPLOAD_PATH) {
      await handleUpload(req, res, SECURITY_HEADERS);
      return;
    }
    if (isApi) {
      await handleApiRequest(handlers, url.pathname.slice('/api/'.length), req, res, SECURITY_HEADERS);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      refuse(res, 405, 'Method not allowed');
      return;
    }
    const served = await sendStaticFile(
      options.staticDir,
      url.pathname,
      res,
      SECURITY_HEADERS,
      req.method === 'HEAD',
    );
    if (!served) refuse(res, 404, 'Not found');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('storedeck web host: request failed:', error);
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Web host error' } });
      else res.destroy();
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      refuseUpgrade(socket, 403, 'Forbidden');
      return;
    }
    if (!tokensEqual(presentedToken(req.headers, true), token)) {
      refuseUpgrade(socket, 401, 'Unauthorized');
      return;
    }
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/api/events') {
      refuseUpgrade(socket, 404, 'Not Found');
      return;
    }
    events.upgrade(req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the token is a second lock, not the first.
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    launchUrl: `${url}/#${TOKEN_FRAGMENT_KEY}=${token}`,
    token,
    address: () => server.address() as AddressInfo,
    async close() {
      await events.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
