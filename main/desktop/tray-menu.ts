// What the tray menu lists: the stores with their status; a Ready store opens in the browser,
// anything else brings the app forward.
import type { Store } from '../../preload/contract';

export type TrayAction = { kind: 'show' } | { kind: 'open-url'; url: string } | { kind: 'quit' };
export type TrayItem =
  | { kind: 'item'; label: string; action: TrayAction }
  | { kind: 'separator' }
  | { kind: 'note'; label: string };

const MAX_LISTED = 15;

export function trayMenuModel(stores: Store[]): TrayItem[] {
  const items: TrayItem[] = [
    { kind: 'item', label: 'Open Storedeck', action: { kind: 'show' } },
    { kind: 'separator' },
  ];
  if (stores.length === 0) items.push({ kind: 'note', label: 'No stores yet' });
  const sorted = [...stores].sort((a, b) => a.name.localeCompare(b.name));
  for (const store of sorted.slice(0, MAX_LISTED)) {
    const label = `${store.name} — ${store.status}`;
    const action: TrayAction =
      store.status === 'Ready' && store.url ? { kind: 'open-url', url: store.url } : { kind: 'show' };
    items.push({ kind: 'item', label, action });
  }
  if (sorted.length > MAX_LISTED)
    items.push({ kind: 'note', label: `…and ${sorted.length - MAX_LISTED} more` });
  items.push({ kind: 'separator' }, { kind: 'item', label: 'Quit Storedeck', action: { kind: 'quit' } });
  return items;
}

export function trayTooltip(stores: Store[]): string {
  const ready = stores.filter((s) => s.status === 'Ready').length;
  const busy = stores.filter(
    (s) => s.status === 'Queued' || s.status === 'Provisioning' || s.status === 'Deleting',
  ).length;
  return busy > 0 ? `Storedeck — ${ready} ready, ${busy} in progress` : `Storedeck — ${ready} ready`;
}
