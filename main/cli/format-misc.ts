// Human output for the small results: audit log, contexts, credentials, restarts.
import type { AuditEntry, ContextInfo } from '../../preload/contract';
import { formatTable } from './format-table';

export function formatAudit(entries: AuditEntry[]): string {
  if (entries.length === 0) return 'The audit log is empty.';
  return formatTable(
    ['time', 'action', 'resource', 'name', 'actor', 'details'],
    entries.map((e) => [e.timestamp, e.action, e.resource, e.name, e.actor, e.details]),
  );
}

export function formatContexts(current: string | null, contexts: ContextInfo[]): string {
  if (contexts.length === 0) return 'No contexts in the kubeconfig.';
  return formatTable(
    ['current', 'name', 'cluster', 'server', 'user', 'local'],
    contexts.map((c) => [
      c.name === current ? '*' : '',
      c.name,
      c.cluster,
      c.server,
      c.user,
      c.isLocal ? 'yes' : 'no',
    ]),
  );
}

export function formatCredentials(credentials: { username: string; password: string }): string {
  return `Username: ${credentials.username}\nPassword: ${credentials.password}`;
}

export function formatRestarted(restarted: string[]): string {
  return restarted.length === 0 ? 'Nothing to restart.' : `Restarted: ${restarted.join(', ')}`;
}
