import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultConfig } from '../types.js';
import { decodeBody, readRaw } from './context.js';
import type { AccessDenial } from './handlers/access-review.js';
import type { RequestLog } from './request-log.js';
import { methodNotAllowed, pathNotFound, sendJson } from './status.js';

export interface AdminDeps {
  faults(): FaultConfig;
  setFaults(partial: Partial<FaultConfig>): FaultConfig;
  accessDenied(): readonly AccessDenial[];
  setAccessDenied(list: AccessDenial[]): void;
  log: RequestLog;
}

/** /_sim/faults, /_sim/requests, /_sim/access-denied: runtime control of a CLI-run sim (token-guarded by the caller). */
export async function handleAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  deps: AdminDeps,
): Promise<void> {
  const method = req.method ?? 'GET';
  const body = async (): Promise<unknown> => decodeBody(await readRaw(req), 'application/json');
  switch (pathname) {
    case '/_sim/faults':
      if (method === 'GET') return sendJson(res, 200, deps.faults());
      if (method === 'PUT') return sendJson(res, 200, deps.setFaults((await body()) as Partial<FaultConfig>));
      throw methodNotAllowed();
    case '/_sim/requests':
      if (method === 'GET') return sendJson(res, 200, deps.log.all());
      if (method === 'DELETE') {
        deps.log.clear();
        return sendJson(res, 200, []);
      }
      throw methodNotAllowed();
    case '/_sim/access-denied':
      if (method === 'GET') return sendJson(res, 200, deps.accessDenied());
      if (method === 'PUT') {
        deps.setAccessDenied((await body()) as AccessDenial[]);
        return sendJson(res, 200, deps.accessDenied());
      }
      throw methodNotAllowed();
    default:
      throw pathNotFound();
  }
}
