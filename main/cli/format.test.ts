import { describe, expect, it } from 'vitest';
import type { Store, StoreHealth } from '../../preload/contract';
import { formatHealth } from './format-health';
import { formatContexts } from './format-misc';
import { formatStoreDetail, formatStoreList } from './format-store';
import { formatDuration, formatTable } from './format-table';
import { formatProgressLine } from './format-timeline';

const store: Store = {
  id: 'st-1',
  name: 'Shop',
  slug: 'shop',
  namespace: 'store-shop',
  status: 'Failed',
  plan: 'woocommerce',
  context: 'kind-dev',
  url: 'http://shop.localhost',
  adminUrl: 'http://shop.localhost/wp-admin',
  adminEmail: 'a@b.co',
  errorStep: 'wait-mysql',
  errorMessage: 'ImagePullBackOff: image mysql:9 not found',
  createdAt: '2025-01-01T11:00:00Z',
  provisionedAt: null,
  updatedAt: '2025-01-01T11:05:00Z',
};

describe('CLI formatting', () => {
  it('aligns columns, uses - for empty cells and flattens control characters', () => {
    expect(
      formatTable(
        ['name', 'url'],
        [
          ['a', null],
          ['long\tname', 'x'],
        ],
      ),
    ).toBe('NAME        URL\na           -\nlong name   x');
  });

  it('prints durations the way kubectl does', () => {
    expect([5, 200, 3600, 7500, 90000].map(formatDuration)).toEqual(['5s', '3m20s', '1h', '2h5m', '1d1h']);
  });

  it('lists stores with age, and says how to start when there are none', () => {
    const text = formatStoreList([store], new Date('2025-01-01T11:10:00Z'));
    expect(text.split('\n')[1]).toMatch(
      /^Shop\s+shop\s+Failed\s+woocommerce\s+http:\/\/shop\.localhost\s+10m\s+st-1$/,
    );
    expect(formatStoreList([], new Date())).toMatch(/storedeck create <name> --email <email>/);
  });

  it('shows the failed step and reason of a failed store', () => {
    const text = formatStoreDetail(store);
    expect(text).toMatch(/^Failed step: +wait-mysql$/m);
    expect(text).toMatch(/^Reason: +ImagePullBackOff: image mysql:9 not found$/m);
    expect(formatStoreDetail({ ...store, status: 'Ready', errorStep: null, errorMessage: null })).not.toMatch(
      /Reason/,
    );
  });

  it('prints a progress line with elapsed time and where the step stands in the attempt', () => {
    const line = formatProgressLine(
      {
        id: 1,
        storeId: 'st-1',
        step: 'wait-mysql',
        status: 'completed',
        message: 'MySQL is ready',
        timestamp: '',
      },
      3250,
    );
    expect(line).toBe('[   3.3s] ✓ wait-mysql completed: MySQL is ready (step 5 of 7)');
    // A note outside the sequence (a retry's marker, Ready itself) has no place to show.
    const ready = {
      id: 2,
      storeId: 'st-1',
      step: 'ready',
      status: 'completed' as const,
      message: 'Ready',
      timestamp: '',
    };
    expect(formatProgressLine(ready, 9000)).toBe('[   9.0s] ✓ ready completed: Ready');
  });

  it('renders health as pods, containers, volumes and quota', () => {
    const health: StoreHealth = {
      components: [],
      pods: [
        {
          name: 'mysql-1',
          component: 'mysql',
          phase: 'Running',
          ready: true,
          restarts: 0,
          startedAt: '2025-01-01T11:00:00Z',
          uptimeSeconds: 125,
          node: 'n1',
          containers: [
            {
              name: 'mysql',
              image: 'mysql:8.4',
              ready: true,
              restarts: 0,
              state: 'running',
              reason: null,
              requests: { cpu: '100m', memory: '256Mi' },
              limits: { cpu: '500m', memory: '512Mi' },
            },
          ],
        },
      ],
      pvcs: [{ name: 'mysql-data', phase: 'Bound', capacity: '1Gi', storageClass: 'standard' }],
      quota: { hard: { pods: '10' }, used: { pods: '2' } },
      observedAt: '2025-01-01T11:02:05Z',
    };
    const text = formatHealth(health);
    expect(text).toMatch(/^mysql-1\s+mysql\s+Running\s+yes\s+0\s+2m5s\s+n1$/m);
    expect(text).toMatch(/^mysql-1\s+mysql\s+running\s+-\s+yes\s+0\s+100m\/500m\s+256Mi\/512Mi$/m);
    expect(text).toMatch(/^mysql-data\s+Bound\s+1Gi\s+standard$/m);
    expect(text).toMatch(/^pods\s+2\s+10$/m);
  });

  it('marks the current context', () => {
    const text = formatContexts('b', [
      { name: 'a', cluster: 'c', server: 'https://a', user: 'u', isLocal: false },
      { name: 'b', cluster: 'c', server: 'https://127.0.0.1:6443', user: 'u', isLocal: true },
    ]);
    expect(text.split('\n')[2]).toMatch(/^\*\s+b\s+c\s+https:\/\/127\.0\.0\.1:6443\s+u\s+yes$/);
  });
});
