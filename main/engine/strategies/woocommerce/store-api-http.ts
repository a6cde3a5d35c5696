// Small HTTP helpers shared by the shopper (Store API) and admin (WC REST) halves of the
// checkout check: JSON calls through the StoreHttp, with every refusal turned into one
// plain sentence that names the API and what it answered.
import { KubeError } from '../../../kube/errors';
import { HttpTimeoutError, type HttpResponse, type StoreHttp } from '../../../kube/http-exchange';

export class CheckoutFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckoutFailure';
  }
}

export interface CallOptions {
  http: StoreHttp;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * WordPress answers REST routes at /?rest_route=… whatever the permalink settings or .htaccess
 * (the documented fallback for /wp-json/…), so the check does not depend on rewrites.
 */
export function restPath(route: string, query: Record<string, string | number> = {}): string {
  const params = new URLSearchParams({ rest_route: route });
  for (const [key, value] of Object.entries(query)) params.set(key, String(value));
  return `/?${params.toString()}`;
}

export function header(res: HttpResponse, name: string): string | undefined {
  const value = res.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The error message WordPress put in the body ({ code, message }), when there is one. */
function reasonOf(res: HttpResponse): string {
  try {
    const body = JSON.parse(res.body) as { message?: unknown; code?: unknown };
    if (typeof body.message === 'string' && body.message) return `: ${stripTags(body.message)}`;
  } catch {
    // not JSON: an HTML error page or a proxy message
  }
  const text = stripTags(res.body).replace(/\s+/g, ' ').trim();
  return text ? `: ${text.slice(0, 160)}` : '';
}

const stripTags = (text: string): string => text.replace(/<[^>]*>/g, '');

export async function call(
  opts: CallOptions,
  what: string,
  req: { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string },
): Promise<HttpResponse> {
  try {
    return await opts.http({ ...req, timeoutMs: opts.timeoutMs, signal: opts.signal });
  } catch (error) {
    // Aborted, or the API server itself failed (transient): the pass decides, not the check.
    if (opts.signal?.aborted || error instanceof KubeError) throw error;
    if (error instanceof HttpTimeoutError)
      throw new CheckoutFailure(`the ${what} gave no answer within ${Math.round(error.timeoutMs / 1000)} s`);
    throw new CheckoutFailure(`the ${what} could not be reached: ${(error as Error).message}`);
  }
}

/** Calls and expects one of the given statuses with a JSON body. */
export async function callJson<T>(
  opts: CallOptions,
  what: string,
  req: { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: unknown },
  expect: readonly number[] = [200],
): Promise<{ res: HttpResponse; json: T }> {
  const body = req.body === undefined ? undefined : JSON.stringify(req.body);
  const headers = {
    Accept: 'application/json',
    ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    ...req.headers,
  };
  const res = await call(opts, what, { method: req.method, path: req.path, headers, body });
  if (!expect.includes(res.status))
    throw new CheckoutFailure(`the ${what} answered ${res.status}${reasonOf(res)}`);
  try {
    return { res, json: JSON.parse(res.body) as T };
  } catch {
    throw new CheckoutFailure(`the ${what} answered ${res.status} but not with JSON`);
  }
}
