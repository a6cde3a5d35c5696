// The one place operations are written to the audit log: the attempt and its outcome, success
// or failure, after it finished. Details never carry secrets (callers describe, not dump).
import type { Result } from '../../../preload/contract';
import { toErrorResult } from './operation-error';

export interface AuditSink {
  add(entry: { action: string; resource: string; name: string; details?: string; actor: string }): unknown;
}

export interface AuditTarget {
  audit: AuditSink;
  actor: string;
  action: string;
  /** The store's name: audit rows outlive the store row. */
  name: string;
  resource?: string;
  details?: string;
}

/** Runs fn, turns a throw into an error value, and records one audit entry for the attempt. */
export async function audited<T>(
  target: AuditTarget,
  fn: () => Promise<Result<T>>,
  describe?: (value: T) => string,
): Promise<Result<T>> {
  let result: Result<T>;
  try {
    result = await fn();
  } catch (error) {
    result = toErrorResult<T>(error, target.action);
  }
  const outcome = result.ok
    ? ['ok', describe?.(result.value)]
    : ['failed', `${result.error.code}: ${result.error.message}`];
  const details = [target.details, ...outcome].filter((part): part is string => Boolean(part)).join('; ');
  target.audit.add({
    action: target.action,
    resource: target.resource ?? 'store',
    name: target.name,
    details,
    actor: target.actor,
  });
  return result;
}
