import type { ServerResponse } from 'node:http';
import { StatusError } from '../types.js';

/** A metav1.Status body as the API server serializes it. */
export function statusBody(err: StatusError): Record<string, unknown> {
  const d = err.details;
  const details = d
    ? Object.fromEntries(
        Object.entries({
          name: d.name,
          group: d.group,
          kind: d.kind,
          causes: d.causes,
          retryAfterSeconds: d.retryAfterSeconds,
        }).filter(([, v]) => v !== undefined && v !== ''),
      )
    : undefined;
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: err.message,
    reason: err.reason,
    ...(details && Object.keys(details).length ? { details } : {}),
    code: err.code,
  };
}

export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendStatus(res: ServerResponse, err: StatusError): void {
  const headers: Record<string, string> =
    err.details?.retryAfterSeconds !== undefined
      ? { 'Retry-After': String(err.details.retryAfterSeconds) }
      : {};
  sendJson(res, err.code, statusBody(err), headers);
}

/** Anything thrown that is not a StatusError becomes a 500 InternalError, as the apiserver's panic recovery does. */
export function toStatusError(e: unknown): StatusError {
  if (e instanceof StatusError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new StatusError(500, 'InternalError', `Internal error occurred: ${message}`, {
    causes: [{ reason: '', message, field: '' }],
  });
}

export const methodNotAllowed = (): StatusError =>
  new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
export const badRequest = (message: string): StatusError => new StatusError(400, 'BadRequest', message);
export const pathNotFound = (): StatusError =>
  new StatusError(404, 'NotFound', 'the server could not find the requested resource');
