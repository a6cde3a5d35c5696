import type { ShownStatus } from './list-query';

export function StatusBadge({ status, stale = false }: { status: ShownStatus; stale?: boolean }) {
  return (
    <span
      className={`badge badge-${status.toLowerCase()}${stale ? ' badge-stale' : ''}`}
      aria-label={`Status: ${status}`}
      title={stale ? 'Last known status: the cluster is not answering' : undefined}
    >
      {status}
    </span>
  );
}
