// POST /api/<requestName>: JSON in, the handler's Result out (200 even for error values; the
// HTTP status only says whether the request reached a handler at all).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { err, isRequestName, type Result } from '../../preload/contract';
import { dispatch } from '../api/dispatch';
import type { Handlers } from '../api/handler-types';

export const MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export async function handleApiRequest(
  handlers: Handlers,
  name: string,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  if (!isRequestName(name)) {
    sendJson(res, 404, err('not_found', `Unknown request channel "${name}"`), headers);
    return;
  }
  if (req.method !== 'POST') {
    sendJson(res, 405, err('invalid_request', 'Use POST with a JSON body'), { ...headers, Allow: 'POST' });
    return;
  }
  // Requiring JSON forces a CORS preflight on any cross-site attempt, which we never answer.
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    sendJson(res, 415, err('invalid_request', 'Content-Type must be application/json'), headers);
    return;
  }
  let text: string;
  try {
    text = await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      res.setHeader('Connection', 'close');
      sendJson(res, 413, err('invalid_request', 'Request body is larger than 1 MB'), headers);
    } else {
      sendJson(res, 400, err('invalid_request', 'Request body could not be read'), headers);
    }
    return;
  }
  let raw: unknown;
  try {
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    sendJson(res, 400, err('invalid_request', 'Request body is not valid JSON'), headers);
    return;
  }
  const result: Result<unknown> = await dispatch(handlers, name, raw);
  sendJson(res, 200, result, headers);
}
