import type { StoreStatus } from '../../../../preload/contract';

export function StatusBadge({ status }: { status: StoreStatus }) {
  return (
    <span className={`badge badge-${status.toLowerCase()}`} aria-label={`Status: ${status}`}>
      {status}
    </span>
  );
}
