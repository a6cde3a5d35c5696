import { describe, expect, it } from 'vitest';
import type { ApiObject } from '../kube/kube-object';
import { Baseline, stuckPods } from './fresh-start';
import type { NamespaceSnapshot } from './observe';

const pod = (name: string, reason: string | null, extra: Record<string, unknown> = {}): ApiObject => ({
  metadata: { name, uid: name, resourceVersion: '1', ...extra },
  status: { containerStatuses: [{ name: 'c', state: reason ? { waiting: { reason } } : { running: {} } }] },
});

describe('stuckPods', () => {
  it('picks pods in an image-pull or crash backoff, not healthy or terminating ones', () => {
    const pods = [
      pod('pull', 'ImagePullBackOff'),
      pod('crash', 'CrashLoopBackOff'),
      pod('ok', null),
      pod('starting', 'ContainerCreating'),
      pod('going', 'ErrImagePull', { deletionTimestamp: 'x' }),
    ];
    expect(stuckPods(pods).map((p) => p.metadata?.name)).toEqual(['pull', 'crash']);
  });
});

describe('Baseline', () => {
  const snapshot = (events: ApiObject[], pods: ApiObject[] = []): NamespaceSnapshot => ({
    events,
    pods,
    deployments: [],
    jobs: [],
    pvcs: [],
    storageClasses: [],
  });
  const event = (uid: string, rv: string): ApiObject => ({
    metadata: { name: uid, uid, resourceVersion: rv },
    reason: 'FailedCreate',
  });

  it('on a retry, keeps only objects that are new or changed since the first snapshot', () => {
    const baseline = new Baseline(true);
    expect(baseline.filter(snapshot([event('old', '1')], [pod('p', 'ImagePullBackOff')])).events).toEqual([]);
    const later = baseline.filter(
      snapshot([event('old', '1'), event('old2', '5'), event('new', '7')], [pod('p', 'ImagePullBackOff')]),
    );
    expect(later.events.map((e) => e.metadata?.name)).toEqual(['old2', 'new']);
    expect(later.pods).toEqual([]);
    expect(baseline.filter(snapshot([event('old', '9')])).events).toHaveLength(1);
  });

  it('passes everything through on a first attempt', () => {
    const all = snapshot([event('old', '1')]);
    expect(new Baseline(false).filter(all)).toBe(all);
  });
});
