import { describe, expect, it } from 'vitest';
import type { ApiObject } from '../kube/kube-object';
import { QUOTA_RECOUNT_GRACE_MS, QuotaRelease, withoutDepartedPods } from './graceful-deletion';
import type { NamespaceSnapshot } from './observe';
import type { Diagnosis } from './strategies/strategy';

const pod = (name: string, deleting = false): ApiObject => ({
  metadata: { name, uid: `uid-${name}`, ...(deleting ? { deletionTimestamp: '2026-12-01T10:00:30Z' } : {}) },
});
const event = (reason: string, about: { kind: string; name: string; uid?: string }): ApiObject => ({
  metadata: { name: `${about.name}.${reason}` },
  reason,
  involvedObject: about,
});
const snapshot = (pods: ApiObject[], events: ApiObject[] = []): NamespaceSnapshot => ({
  pods,
  events,
  deployments: [],
  jobs: [],
  pvcs: [],
  storageClasses: [],
});
const quotaRefusal: Diagnosis = {
  step: 'wait-mysql',
  cause: 'QuotaExceeded',
  message: "Kubernetes refused to start MySQL: the store's resource quota is used up.",
  terminal: true,
};

describe('withoutDepartedPods', () => {
  it('drops terminating pods and the events of pods that are terminating or gone', () => {
    const view = withoutDepartedPods(
      snapshot(
        [pod('old', true), pod('new')],
        [
          event('BackOff', { kind: 'Pod', name: 'old', uid: 'uid-old' }),
          event('BackOff', { kind: 'Pod', name: 'gone', uid: 'uid-gone' }),
          event('Pulled', { kind: 'Pod', name: 'new', uid: 'uid-new' }),
          event('FailedCreate', { kind: 'ReplicaSet', name: 'mysql-abc' }),
        ],
      ),
    );
    expect(view.pods.map((p) => p.metadata?.name)).toEqual(['new']);
    expect(view.events.map((e) => e.metadata?.name)).toEqual(['new.Pulled', 'mysql-abc.FailedCreate']);
  });
});

describe('QuotaRelease', () => {
  it('makes a quota refusal a wait while pods terminate and shortly after, terminal again later', () => {
    let now = 1_000;
    const release = new QuotaRelease(() => now);
    release.observe(snapshot([pod('old', true), pod('new')]));
    const softened = release.soften(quotaRefusal);
    expect(softened?.terminal).toBe(false);
    expect(softened?.message).toMatch(/pods being deleted still count against the quota/);
    now += QUOTA_RECOUNT_GRACE_MS;
    release.observe(snapshot([pod('new')]));
    expect(release.soften(quotaRefusal)?.terminal).toBe(false);
    now += 1;
    expect(release.soften(quotaRefusal)?.terminal).toBe(true);
  });

  it('waits out a refusal for the recount allowance even before a terminating pod shows up', () => {
    // The Deployment's refusal can arrive before the deletionTimestamp of the pod holding the quota.
    let now = 0;
    const release = new QuotaRelease(() => now);
    expect(release.soften(quotaRefusal)?.message).toMatch(/next recount may release quota/);
    // The pass must come back when the allowance ends, even if nothing else changes.
    expect(release.recheckInMs()).toBe(QUOTA_RECOUNT_GRACE_MS);
    now = QUOTA_RECOUNT_GRACE_MS - 1;
    expect(release.soften(quotaRefusal)?.terminal).toBe(false);
    now = QUOTA_RECOUNT_GRACE_MS;
    expect(release.soften(quotaRefusal)).toBe(quotaRefusal);
    expect(release.recheckInMs()).toBeNull();
    // Once cleared, a later refusal gets its own allowance.
    expect(release.soften(null)).toBeNull();
    now += 60_000;
    expect(release.soften(quotaRefusal)?.terminal).toBe(false);
  });

  it('leaves every other diagnosis alone', () => {
    const release = new QuotaRelease(() => 0);
    release.sawTerminating();
    const pull: Diagnosis = { ...quotaRefusal, cause: 'ImagePullBackOff' };
    expect(release.soften(pull)).toBe(pull);
    expect(release.soften(null)).toBeNull();
  });
});
