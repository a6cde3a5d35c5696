import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { SimObjectStore } from '../store/object-store.js';
import type { FaultConfig, Rng } from '../types.js';
import { handleAdmin, type AdminDeps } from './admin.js';
import { decodeBody, readRaw, type HandlerContext } from './context.js';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, versionInfo } from './discovery.js';
import { dispatchResource } from './dispatch.js';
import { decideFault } from './faults.js';
import type { AccessDenial } from './handlers/access-review.js';
import { chooseProtocol, parseExec, upgradeExec } from './handlers/pod-exec.js';
import { createPortForwardUpgrader, parsePortForward, type PortBackend } from './handlers/pod-portforward.js';
import type { PodRuntime } from './pod-runtime.js';
import { RequestLog, type RequestLogEntry } from './request-log.js';
import { parseResourcePath } from './route.js';
import { pathNotFound, sendJson, sendStatus, statusBody, toStatusError } from './status.js';
import { StatusError } from '../types.js';
import type { ServingCerts } from './tls.js';
import { authenticate } from './auth/authenticate.js';
import { authorizationForbidden } from './auth/forbidden.js';
import { authorize } from './auth/rbac.js';
import {
  nonResourceAttributes,
  resourceAttributes,
  type RequestAttributes,
} from './auth/request-attributes.js';
import type { TokenIssuer } from './auth/tokens.js';
import { ADMIN_USER, requestUser, type UserInfo } from './auth/user.js';
import { proxyRoute, type ServiceProxy } from '../service-proxy/service-proxy.js';

export interface KubeSimServerOptions {
  store: SimObjectStore;
  runtime: PodRuntime;
  certs: ServingCerts;
  token: string;
  /** Issues and verifies ServiceAccount tokens (TokenRequest). */
  tokens: TokenIssuer;
  port?: number;
  gitVersion: string;
  now(): number;
  faultRng: Rng;
  faults(): FaultConfig;
  setFaults(partial: Partial<FaultConfig>): FaultConfig;
  accessDenied(): readonly AccessDenial[];
  setAccessDenied(list: AccessDenial[]): void;
  /** Real ms between watch bookmarks (allowWatchBookmarks=true). */
  bookmarkIntervalMs?: number;
  /** What answers on a pod's port for pods/portforward (the sim runs no processes). */
  portBackend?(): PortBackend | undefined;
  /** services/proxy: forwards to a Service's backend (see service-proxy/). */
  serviceProxy?: ServiceProxy;
}

export interface KubeSimServer {
  url: string;
  port: number;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  stop(): Promise<void>;
}

const PUBLIC_PATHS = new Set(['/version', '/healthz', '/livez', '/readyz']);
const unauthorized = (): StatusError => new StatusError(401, 'Unauthorized', 'Unauthorized');

export async function startServer(opts: KubeSimServerOptions): Promise<KubeSimServer> {
  const log = new RequestLog();
  const sockets = new Set<Socket>();
  const wss = new WebSocketServer({ noServer: true, handleProtocols: chooseProtocol });
  const portForward = createPortForwardUpgrader(() => opts.portBackend?.());
  const admin: AdminDeps = {
    faults: opts.faults,
    setFaults: opts.setFaults,
    accessDenied: opts.accessDenied,
    setAccessDenied: opts.setAccessDenied,
    log,
  };
  const nowIso = (): string => new Date(opts.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  let hostPort = '';

  const authn = { adminToken: opts.token, tokens: opts.tokens, store: opts.store, now: opts.now };
  const userOf = (req: IncomingMessage): UserInfo | undefined => authenticate(req, authn);
  /** The authorization filter: RBAC over the request's attributes, 403 with the apiserver's message. */
  const checkAccess = (user: UserInfo, attrs: RequestAttributes): void => {
    const decision = authorize(opts.store, user, attrs);
    if (!decision.allowed) throw authorizationForbidden(user, attrs, decision.reason);
  };

  function discovery(pathname: string): unknown {
    const segs = pathname.split('/').filter(Boolean);
    if (pathname === '/version') return versionInfo(opts.gitVersion);
    if (pathname === '/api') return apiVersions(hostPort);
    if (pathname === '/api/v1') return apiResourceList(opts.store.types, '', 'v1');
    if (pathname === '/apis') return apiGroupList(opts.store.types);
    if (segs[0] === 'apis' && segs.length === 2) return apiGroup(opts.store.types, segs[1] as string);
    if (segs[0] === 'apis' && segs.length === 3)
      return apiResourceList(opts.store.types, segs[1] as string, segs[2] as string);
    return undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const { pathname } = url;
    const user = userOf(req);
    if (pathname.startsWith('/_sim/')) {
      entry.verb = 'admin';
      if (user !== ADMIN_USER) throw unauthorized();
      return handleAdmin(req, res, pathname, admin);
    }
    // Anonymous requests reach only the public paths (system:public-info-viewer); others are 401.
    if (!user && !(PUBLIC_PATHS.has(pathname) && !req.headers.authorization)) throw unauthorized();
    if (user) entry.user = user.username;
    const fault = decideFault(opts.faults(), opts.faultRng);
    if (fault.delayMs > 0) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault.kind === 'drop') {
      entry.fault = 'drop';
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'error') {
      entry.fault = 'error';
      throw fault.error;
    }
    const method = req.method ?? 'GET';
    const proxied = opts.serviceProxy?.match(pathname);
    if (proxied && opts.serviceProxy && user) {
      // Authorised as the apiserver does: verb from the method on services/proxy, named by the id.
      checkAccess(user, resourceAttributes(method, proxyRoute(opts.store.types, proxied), url));
      Object.assign(entry, { verb: 'connect', resource: 'services/proxy', namespace: proxied.namespace });
      return opts.serviceProxy.handle(req, res, proxied, url.search);
    }
    const route = parseResourcePath(pathname, opts.store.types);
    const attrs = route ? resourceAttributes(method, route, url) : nonResourceAttributes(method, pathname);
    if (route) {
      // Logged before authorization, so a refused request shows what it tried.
      entry.verb = attrs.verb as RequestLogEntry['verb'];
      entry.resource = route.subresource ? `${route.key}/${route.subresource}` : route.key;
      entry.namespace = route.namespace;
      entry.name = route.name;
    }
    if (user) checkAccess(user, attrs);
    if (['/healthz', '/livez', '/readyz'].includes(pathname)) {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      return;
    }
    const disc = discovery(pathname);
    if (disc) {
      entry.verb = 'discovery';
      return sendJson(res, 200, disc);
    }
    if (!route || !user) throw pathNotFound();
    let raw: Promise<Buffer> | undefined;
    const rawBody = (): Promise<Buffer> => (raw ??= readRaw(req));
    const ctx: HandlerContext = {
      req,
      res,
      url,
      route,
      store: opts.store,
      user,
      authorizeVerb: (verb) => checkAccess(user, { ...resourceAttributes(method, route, url), verb }),
      log: entry,
      now: opts.now,
      nowIso,
      rawBody,
      body: async () => decodeBody(await rawBody(), req.headers['content-type'] ?? 'application/json'),
    };
    await dispatchResource(ctx, {
      runtime: opts.runtime,
      tokens: opts.tokens,
      accessDenied: opts.accessDenied,
      watchOptions: () => ({
        bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 2000,
        cutAfterSeconds: opts.faults().watchCutAfterSeconds,
      }),
    });
  }

  // Client certificates are asked for and verified against the cluster CA, but not required (tokens work too).
  const tlsOptions = {
    key: opts.certs.key,
    cert: opts.certs.cert,
    ca: opts.certs.caCert,
    requestCert: true,
    rejectUnauthorized: false,
  };
  const server: Server = createServer(tlsOptions, (req, res) => {
    const started = performance.now();
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      status: 0,
      durationMs: 0,
      verb: 'other',
    };
    log.add(entry);
    const settle = (): void => {
      entry.status = res.headersSent ? res.statusCode : 0;
      entry.durationMs = Math.round((performance.now() - started) * 100) / 100;
    };
    // Record status when headers go out: a client can read the log before 'finish' fires.
    const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => ServerResponse;
    res.writeHead = ((...args: unknown[]) => {
      const out = writeHead(...args);
      settle();
      return out;
    }) as typeof res.writeHead;
    res.on('finish', settle);
    res.on('close', settle);
    // Everything the request writes runs as its user (RBAC escalation checks, admission policies).
    const run = (): Promise<void> => {
      const user = userOf(req);
      return user ? requestUser.run(user, () => handle(req, res, entry)) : handle(req, res, entry);
    };
    run().catch((e: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendStatus(res, toStatusError(e));
    });
  });

  function rejectUpgrade(socket: Duplex, err: StatusError): void {
    const body = JSON.stringify(statusBody(err));
    socket.end(
      `HTTP/1.1 ${err.code} ${STATUS_CODES[err.code] ?? ''}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const started = performance.now();
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      status: 0,
      durationMs: 0,
      verb: 'connect',
    };
    log.add(entry);
    const done = (status: number): void => {
      entry.status = status;
      entry.durationMs = Math.round((performance.now() - started) * 100) / 100;
    };
    const run = async (): Promise<void> => {
      const user = userOf(req);
      if (!user) throw unauthorized();
      entry.user = user.username;
      const fault = decideFault(opts.faults(), opts.faultRng);
      if (fault.delayMs > 0) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.kind === 'drop') {
        entry.fault = 'drop';
        socket.destroy();
        return done(0);
      }
      if (fault.kind === 'error') {
        entry.fault = 'error';
        throw fault.error;
      }
      const url = new URL(req.url ?? '/', 'https://127.0.0.1');
      const route = parseResourcePath(url.pathname, opts.store.types);
      if (!route || !route.namespace || !route.name) throw pathNotFound();
      if (route.subresource !== 'exec' && route.subresource !== 'portforward') throw pathNotFound();
      checkAccess(user, resourceAttributes(req.method ?? 'GET', route, url));
      if (route.subresource === 'portforward') {
        Object.assign(entry, { resource: 'pods/portforward', namespace: route.namespace, name: route.name });
        const request = parsePortForward(
          url,
          opts.store.get('pods', route.namespace, route.name),
          route.namespace,
          route.name,
        );
        portForward.upgrade(req, socket, head, request);
        return done(101);
      }
      Object.assign(entry, { resource: 'pods/exec', namespace: route.namespace, name: route.name });
      const exec = parseExec(
        url,
        opts.store.get('pods', route.namespace, route.name),
        route.namespace,
        route.name,
      );
      done(101);
      await upgradeExec(wss, req, socket, head, exec, opts.runtime);
      done(101);
    };
    run().catch((e: unknown) => {
      const err = toStatusError(e);
      done(err.code);
      rejectUpgrade(socket, err);
    });
  });

  server.on('secureConnection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  hostPort = `127.0.0.1:${port}`;

  return {
    url: `https://127.0.0.1:${port}`,
    port,
    requests: () => log.all(),
    clearRequests: () => log.clear(),
    stop: async () => {
      for (const c of wss.clients) c.terminate();
      portForward.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      wss.close();
    },
  };
}
