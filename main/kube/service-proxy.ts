// HTTP to a Service inside the cluster through the API server's service proxy
// (/api/v1/namespaces/<ns>/services/http:<name>:<port>/proxy/<path>). The laptop reaches it
// wherever it reaches the API server — Kind on localhost and a remote k3s alike — with no
// port-forward, no ingress DNS and no extra pod. The API server forwards the request's Host
// header unchanged (its proxy does not set UseLocationHost), so the app sees the store's host.
// NetworkPolicy always admits traffic from a pod's own node, so on single-node Kind and k3s the
// store's deny-by-default policy lets the API server in; a pod on another node than the API
// server would need the control plane admitted (the check then fails on its timeout, saying so).
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { request as httpRequest } from 'node:http';
import { isIP } from 'node:net';
import { checkServerIdentity } from 'node:tls';
import type { KubeConfig } from '@kubernetes/client-node';
import { classifyError, KubeError } from './errors';

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Path and query on the service, e.g. "/wp-json/wc/store/v1/cart". */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * A client for one Service's HTTP port. Throws HttpTimeoutError when no answer came in time, and
 * a transient KubeError when the API server itself failed (connection lost, or its own 5xx/429
 * Status): those say nothing about the store, so the pass is retried. The app's answers — any
 * status — are returned.
 */
export type ServiceHttp = (req: HttpRequest) => Promise<HttpResponse>;

export class HttpTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${Math.round(timeoutMs / 1000)} s`);
  }
}

/** Bodies are small JSON or HTML pages; anything larger is cut (bounded memory). */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** `port` is the Service port's name (or number): the proxy's `[scheme:]name[:port]` id. */
function serviceProxyPath(namespace: string, service: string, port: string | number, path: string): string {
  const base = `/api/v1/namespaces/${encodeURIComponent(namespace)}/services/http:${encodeURIComponent(service)}:${port}/proxy`;
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}

export function serviceHttp(
  kubeConfig: KubeConfig,
  target: { namespace: string; service: string; port: string | number; host: string },
): ServiceHttp {
  return async (req) => {
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster) throw new Error('the kubeconfig has no current cluster');
    const server = new URL(cluster.server);
    const options: RequestOptions = {
      method: req.method,
      protocol: server.protocol,
      hostname: server.hostname,
      port: server.port || (server.protocol === 'https:' ? 443 : 80),
      path: `${server.pathname.replace(/\/$/, '')}${serviceProxyPath(target.namespace, target.service, target.port, req.path)}`,
      headers: {},
    };
    // Credentials (client cert, bearer token, exec plugin) exactly as client-node applies them.
    await kubeConfig.applyToHTTPSOptions(options);
    options.headers = {
      ...(options.headers as Record<string, string>),
      ...req.headers,
      Host: target.host,
      ...(req.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(req.body)) } : {}),
    };
    // The API server's certificate is checked against its own name, not the store's Host header
    // (Node's agent would otherwise take the server name from Host).
    const apiHost = server.hostname.replace(/^\[|\]$/g, '');
    if (server.protocol === 'https:') {
      if (!isIP(apiHost)) options.servername = apiHost;
      const verify = options.checkServerIdentity ?? checkServerIdentity;
      options.checkServerIdentity = (_host, cert) => verify(apiHost, cert);
    }
    let res: HttpResponse;
    try {
      res = await send(options, req);
    } catch (error) {
      if (error instanceof HttpTimeoutError || req.signal?.aborted) throw error;
      const classified = classifyError(error);
      if (classified.kind === 'transient') throw new KubeError(classified, { cause: error });
      throw error;
    }
    const apiFailure = apiServerFailure(res);
    if (apiFailure) throw apiFailure;
    return res;
  };
}

/** A metav1.Status the API server answered with instead of the app, when retrying may help. */
function apiServerFailure(res: HttpResponse): KubeError | null {
  if (res.status < 429 || !String(res.headers['content-type'] ?? '').includes('application/json'))
    return null;
  let body: { kind?: unknown; apiVersion?: unknown; message?: unknown };
  try {
    body = JSON.parse(res.body) as typeof body;
  } catch {
    return null;
  }
  if (body.kind !== 'Status' || body.apiVersion !== 'v1') return null;
  const classified = classifyError({ code: res.status, body: res.body, headers: res.headers });
  return classified.kind === 'transient' ? new KubeError(classified) : null;
}

function send(options: RequestOptions, req: HttpRequest): Promise<HttpResponse> {
  const requestFn = options.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      outgoing.destroy(new HttpTimeoutError(req.timeoutMs));
    }, req.timeoutMs);
    const onAbort = (): void => {
      outgoing.destroy(new Error('aborted'));
    };
    const outgoing = requestFn(options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      res.on('end', () => {
        clearTimeout(timer);
        req.signal?.removeEventListener('abort', onAbort);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
      res.on('error', reject);
    });
    outgoing.on('error', (error) => {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
    if (req.signal?.aborted) onAbort();
    else req.signal?.addEventListener('abort', onAbort, { once: true });
    outgoing.end(req.body);
  });
}
