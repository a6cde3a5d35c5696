// Sorts every failure of a Kubernetes call into "try again" (the cluster or the network hiccuped)
// or "stop" (the cluster said no), and turns the API's Status object into a sentence for the user.

export type ErrorKind = 'transient' | 'permanent';

export interface ClassifiedError {
  kind: ErrorKind;
  /** HTTP status, or null for network-level failures. */
  status: number | null;
  /** Kubernetes Status reason (NotFound, Forbidden, Invalid, ...) when the server sent one. */
  reason: string | null;
  /** Plain-language message, taken from the Status message when there is one. */
  message: string;
  /** Server-requested delay (429/503 Retry-After or Status details.retryAfterSeconds). */
  retryAfterMs: number | null;
}

/** An API failure already classified; what retry() throws once it gives up. */
export class KubeError extends Error {
  readonly kind: ErrorKind;
  readonly status: number | null;
  readonly reason: string | null;
  readonly retryAfterMs: number | null;
  constructor(info: ClassifiedError, options?: { cause?: unknown }) {
    super(info.message, options);
    this.name = 'KubeError';
    this.kind = info.kind;
    this.status = info.status;
    this.reason = info.reason;
    this.retryAfterMs = info.retryAfterMs;
  }
}

const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const TRANSIENT_MESSAGE =
  /socket hang up|premature close|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|network timeout|connection (was )?(closed|reset)|Connection closed on server/i;
const TRANSIENT_STATUS = new Set([429, 500, 502, 503, 504]);

interface StatusBody {
  kind?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { retryAfterSeconds?: number };
}

function parseStatusBody(body: unknown): StatusBody | null {
  if (body && typeof body === 'object') return body as StatusBody;
  if (typeof body !== 'string' || body.length === 0) return null;
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' ? (parsed as StatusBody) : null;
  } catch {
    return null;
  }
}

function headerValue(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== 'object') return null;
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (key.toLowerCase() === name && (typeof value === 'string' || typeof value === 'number'))
      return String(value);
  }
  return null;
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

const PLAIN_BY_STATUS: Record<number, string> = {
  400: 'the cluster rejected the request as malformed',
  401: 'the cluster did not accept our credentials (check the kubeconfig user)',
  403: 'the cluster refused the request (permission denied)',
  404: 'the object does not exist',
  409: 'the object changed or already exists',
  410: 'the requested version is gone',
  422: 'the cluster rejected the object as invalid',
  429: 'the cluster is throttling requests',
  500: 'the cluster had an internal error',
  502: 'the cluster could not be reached through its proxy',
  503: 'the cluster is temporarily unavailable',
  504: 'the cluster timed out',
};

function numericStatus(error: Record<string, unknown>): number | null {
  for (const key of ['code', 'statusCode', 'status']) {
    const value = error[key];
    if (typeof value === 'number' && value >= 100 && value < 600) return value;
  }
  return null;
}

/** Classifies anything thrown by @kubernetes/client-node (ApiException, FetchError, Watch errors). */
export function classifyError(error: unknown): ClassifiedError {
  if (error instanceof KubeError) {
    return {
      kind: error.kind,
      status: error.status,
      reason: error.reason,
      message: error.message,
      retryAfterMs: error.retryAfterMs,
    };
  }
  const record = (error && typeof error === 'object' ? error : {}) as Record<string, unknown>;
  const rawMessage = error instanceof Error ? error.message : String(error);
  const status = numericStatus(record);

  if (status !== null) {
    const body = parseStatusBody(record.body);
    const fromDetails = body?.details?.retryAfterSeconds;
    const retryAfterMs =
      parseRetryAfter(headerValue(record.headers, 'retry-after')) ??
      (typeof fromDetails === 'number' ? fromDetails * 1000 : null);
    const plain = PLAIN_BY_STATUS[status] ?? `the cluster answered HTTP ${status}`;
    const message = body?.message ? body.message : `${plain} (HTTP ${status})`;
    return {
      kind: TRANSIENT_STATUS.has(status) ? 'transient' : 'permanent',
      status,
      reason: body?.reason ?? null,
      message,
      retryAfterMs,
    };
  }

  const code =
    typeof record.code === 'string' ? record.code : typeof record.errno === 'string' ? record.errno : null;
  // Passes also write SQLite, which another Storedeck process may hold for a moment (busy_timeout
  // expired): that is worth a retry, never a reason to mark a store Failed.
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code?.startsWith('SQLITE_BUSY_')) {
    return {
      kind: 'transient',
      status: null,
      reason: code,
      message: 'the local database is busy (another Storedeck process is writing)',
      retryAfterMs: null,
    };
  }
  const causeCode = (record.cause as Record<string, unknown> | undefined)?.code;
  const networkCode = code ?? (typeof causeCode === 'string' ? causeCode : null);
  const isAbort = record.name === 'AbortError' || record.type === 'aborted';
  const transient =
    !isAbort &&
    ((networkCode !== null && TRANSIENT_NETWORK_CODES.has(networkCode)) ||
      record.type === 'system' ||
      record.type === 'request-timeout' ||
      TRANSIENT_MESSAGE.test(rawMessage));
  return {
    kind: transient ? 'transient' : 'permanent',
    status: null,
    reason: networkCode,
    message: transient ? `the cluster connection failed (${networkCode ?? rawMessage})` : rawMessage,
    retryAfterMs: null,
  };
}

export const statusOf = (error: unknown): number | null => classifyError(error).status;
export const isNotFound = (error: unknown): boolean => statusOf(error) === 404;
export const isConflict = (error: unknown): boolean => statusOf(error) === 409;
/** 401 or 403: the credentials or their rights, which no retry changes. */
export const isAccessDenied = (error: unknown): boolean => [401, 403].includes(statusOf(error) ?? 0);

/** The one-line message to show a user for any error. */
export function plainMessage(error: unknown): string {
  return classifyError(error).message;
}
