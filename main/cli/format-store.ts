// Human output for stores: the list table and the detail block of `show`.
import type { Store } from '../../preload/contract';
import { formatAge, formatTable } from './format-table';

export function formatStoreList(stores: Store[], now: Date): string {
  if (stores.length === 0)
    return 'No stores in this context. Create one with: storedeck create <name> --email <email>';
  return formatTable(
    ['name', 'slug', 'status', 'plan', 'url', 'age', 'id'],
    stores.map((s) => [s.name, s.slug, s.status, s.plan, s.url, formatAge(s.createdAt, now), s.id]),
  );
}

export function formatStoreDetail(store: Store): string {
  const rows: Array<[string, string | null]> = [
    ['Name', store.name],
    ['Id', store.id],
    ['Slug', store.slug],
    ['Namespace', store.namespace],
    ['Status', store.status],
    ['Plan', store.plan],
    ['Context', store.context],
    ['URL', store.url],
    ['Admin URL', store.adminUrl],
    ['Admin email', store.adminEmail],
    ['Created', store.createdAt],
    ['Provisioned', store.provisionedAt],
    ['Updated', store.updatedAt],
  ];
  if (store.errorStep || store.errorMessage) {
    rows.push(['Failed step', store.errorStep], ['Reason', store.errorMessage]);
  }
  const width = Math.max(...rows.map(([label]) => label.length)) + 1;
  return rows.map(([label, value]) => `${`${label}:`.padEnd(width)} ${value ?? '-'}`).join('\n');
}
