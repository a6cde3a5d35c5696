import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import type { SimObjectStore } from '../store/object-store.js';
import type { KubeObject } from '../types.js';
import type { RequestLogEntry } from './request-log.js';
import type { ResourceRoute } from './route.js';
import type { UserInfo } from './auth/user.js';
import { badRequest } from './status.js';

/** Everything a resource handler needs for one request. */
export interface HandlerContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  route: ResourceRoute;
  store: SimObjectStore;
  /** Who sent the request (authenticated before any handler runs). */
  user: UserInfo;
  /** Authorises this request again under another verb (apply that creates also needs `create`); throws 403. */
  authorizeVerb(verb: string): void;
  /** The log entry for this request; handlers fill verb, noop, fieldManager. */
  log: RequestLogEntry;
  now(): number;
  /** RFC 3339 at second precision, as metav1.Time serializes. */
  nowIso(): string;
  body(): Promise<unknown>;
  rawBody(): Promise<Buffer>;
}

export function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Decodes a JSON or YAML body; a malformed one is a 400 as the apiserver's decoder reports it. */
export function decodeBody(raw: Buffer, contentType: string): unknown {
  const text = raw.toString('utf8');
  if (!text.trim())
    throw badRequest(
      "the object provided is unrecognized (must be of type Object): couldn't get version/kind; json parse error: unexpected end of JSON input",
    );
  try {
    return /yaml/.test(contentType) ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw badRequest(`error decoding request body: ${(e as Error).message}`);
  }
}

export function asObject(v: unknown): KubeObject {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw badRequest('the object provided is unrecognized (must be of type Object)');
  const o = v as KubeObject;
  o.metadata = o.metadata ?? ({} as KubeObject['metadata']);
  return o;
}

/** Who the managedFields entry names: ?fieldManager=, else the user agent's product (as the apiserver does). */
export function managerName(ctx: HandlerContext): string {
  const fm = ctx.url.searchParams.get('fieldManager');
  if (fm) return fm;
  const ua = ctx.req.headers['user-agent'] ?? 'unknown';
  return ua.split('/')[0]?.trim() || 'unknown';
}
