import { describe, expect, it } from 'vitest';
import type { Store } from '../../preload/contract';
import { trayMenuModel, trayTooltip } from './tray-menu';

const base: Store = {
  id: 's1',
  name: 'Beta',
  slug: 'beta',
  namespace: 'store-beta',
  status: 'Ready',
  plan: 'woocommerce',
  context: 'kind-storedeck',
  url: 'http://beta.localhost',
  adminUrl: null,
  adminEmail: 'a@b.co',
  errorStep: null,
  errorMessage: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  provisionedAt: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('tray menu', () => {
  it('says there are no stores when there are none', () => {
    const labels = trayMenuModel([]).map((i) => (i.kind === 'separator' ? '---' : i.label));
    expect(labels).toEqual(['Open Storedeck', '---', 'No stores yet', '---', 'Quit Storedeck']);
  });

  it('lists stores by name with status; Ready ones open their URL, others show the app', () => {
    const items = trayMenuModel([base, { ...base, id: 's2', name: 'Alpha', status: 'Provisioning' }]);
    const stores = items.filter((i) => i.kind === 'item').slice(1, -1);
    expect(stores).toEqual([
      { kind: 'item', label: 'Alpha — Provisioning', action: { kind: 'show' } },
      { kind: 'item', label: 'Beta — Ready', action: { kind: 'open-url', url: 'http://beta.localhost' } },
    ]);
  });

  it('keeps the menu short when there are many stores', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({
      ...base,
      id: `s${i}`,
      name: `Store ${String(i).padStart(2, '0')}`,
    }));
    const items = trayMenuModel(many);
    expect(items.filter((i) => i.kind === 'item')).toHaveLength(15 + 2);
    expect(items).toContainEqual({ kind: 'note', label: '…and 5 more' });
  });

  it('summarises ready and in-progress stores in the tooltip', () => {
    expect(trayTooltip([base, { ...base, id: 's2', status: 'Queued' }])).toBe(
      'Storedeck — 1 ready, 1 in progress',
    );
    expect(trayTooltip([])).toBe('Storedeck — 0 ready');
  });
});
