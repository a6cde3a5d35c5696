// One HTTP exchange with a store's web app, the way the checkout check speaks to it: a request
// with its own timeout and abort signal, and an answer read whole (bounded). pod-http.ts carries
// it to a pod over a port-forward.
import { request as httpRequest, type RequestOptions } from 'node:http';

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
 * A client for a store's HTTP port. Throws HttpTimeoutError when no answer came in time, and a
 * transient KubeError when the way there failed (the port-forward, the connection): those say
 * nothing about the store, so the pass is retried. The app's answers — any status — are returned.
 */
export type StoreHttp = (req: HttpRequest) => Promise<HttpResponse>;

export class HttpTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${Math.round(timeoutMs / 1000)} s`);
  }
}

/** Bodies are small JSON or HTML pages; anything larger is cut (bounded memory). */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** One plain-HTTP request (to a local forward) with its timeout and abort signal; the body is read whole (bounded). */
export function sendHttp(options: RequestOptions, req: HttpRequest): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      outgoing.destroy(new HttpTimeoutError(req.timeoutMs));
    }, req.timeoutMs);
    const onAbort = (): void => {
      outgoing.destroy(new Error('aborted'));
    };
    const outgoing = httpRequest(options, (res) => {
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
      res.on('error', (error) => {
        clearTimeout(timer);
        req.signal?.removeEventListener('abort', onAbort);
        reject(error);
      });
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
