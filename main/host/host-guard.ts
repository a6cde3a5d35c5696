// Who may talk to the web host: the right Host header (defeats DNS rebinding) and the token,
// from an Authorization header or (event socket only) a WebSocket subprotocol. Never a cookie.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { TOKEN_SUBPROTOCOL_PREFIX } from '../../preload/web-auth';

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Browsers send Origin on WebSocket handshakes and cross-site POSTs; when present it must be ours. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function tokensEqual(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** The token offered as `storedeck.token.<hex>` in Sec-WebSocket-Protocol, if any. */
export function subprotocolToken(header: string | string[] | undefined): string | null {
  const values = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
  for (const value of values) {
    const trimmed = value.trim();
    if (trimmed.startsWith(TOKEN_SUBPROTOCOL_PREFIX)) return trimmed.slice(TOKEN_SUBPROTOCOL_PREFIX.length);
  }
  return null;
}

/** Token from the Authorization header; on a WebSocket upgrade also from the subprotocol. */
export function presentedToken(headers: IncomingHttpHeaders, upgrade = false): string | null {
  return (
    bearerToken(headers.authorization) ??
    (upgrade ? subprotocolToken(headers['sec-websocket-protocol']) : null)
  );
}
