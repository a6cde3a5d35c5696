// A thrown cluster error becomes a contract error value with a code the UI and CLI can act on.
import { err, type ErrorCode, type Result } from '../../../preload/contract';
import { classifyError } from '../../kube/errors';

export function errorCodeOf(error: unknown): ErrorCode {
  const { status, kind } = classifyError(error);
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === null && kind === 'transient') return 'cluster_unreachable';
  return 'internal';
}

export function toErrorResult<T = never>(error: unknown, doing: string): Result<T> {
  return err(errorCodeOf(error), `${doing} failed: ${classifyError(error).message}`);
}
