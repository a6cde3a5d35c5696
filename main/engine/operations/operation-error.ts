// A thrown cluster error becomes a contract error value with a code the UI and CLI can act on,
// and a message in words: what was being done, then why (never a bare action id or errno).
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

/** What a connection error means for someone who is not reading socket errno tables. */
const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'the cluster does not answer (nothing is listening at its address: connection refused)',
  ETIMEDOUT: 'the cluster did not answer in time (ETIMEDOUT)',
  ECONNRESET: 'the connection to the cluster was cut (ECONNRESET)',
  EHOSTUNREACH: "the cluster's address cannot be reached from this computer (EHOSTUNREACH)",
  ENETUNREACH: "the cluster's network cannot be reached from this computer (ENETUNREACH)",
  ENOTFOUND: "the cluster's host name does not resolve (ENOTFOUND)",
  EAI_AGAIN: "the cluster's host name does not resolve right now (EAI_AGAIN)",
};

/** The audit action ids operations run under, as the words a failure message starts with. */
const DOING: Record<string, string> = {
  restart: 'Restart',
  'reveal-password': 'Showing the password',
  'reset-password': 'Password reset',
  'admin-login': 'Opening the admin',
  'open-database': 'Opening the database',
  'wp-cli': 'WP-CLI',
  backup: 'Backup',
  restore: 'Restore',
  clone: 'Clone',
};

export function plainErrorMessage(error: unknown): string {
  const classified = classifyError(error);
  if (classified.status === null && classified.kind === 'transient' && classified.reason) {
    return NETWORK_WORDS[classified.reason] ?? classified.message;
  }
  return classified.message;
}

/** `doing` is a phrase ("Reading logs") or an audit action id ("reveal-password"). */
export function toErrorResult<T = never>(error: unknown, doing: string): Result<T> {
  return err(errorCodeOf(error), `${DOING[doing] ?? doing} failed: ${plainErrorMessage(error)}`);
}
