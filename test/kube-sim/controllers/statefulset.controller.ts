import type { KubeObject } from '../types.js';
import { podTemplateHash } from './deployment.controller.js';
import type { EventRecorder } from './events.js';
import { isOwnedBy, type Condition } from './meta.js';
import { createPodFromTemplate } from './pod-control.js';
import type { Runtime } from './runtime.js';
import { backoffMs } from './timings.js';
import { isTerminalPod } from './usage.js';

const STATEFULSET_CONTROLLER = { component: 'statefulset-controller' };

const isReadyPod = (p: KubeObject): boolean =>
  ((p.status?.conditions ?? []) as Condition[]).some((c) => c.type === 'Ready' && c.status === 'True');

/**
 * The StatefulSet controller for the sim's needs (the MedusaJS plan's PostgreSQL): pods named
 * <set>-<ordinal>, created in order, each only once the one before it is Ready (OrderedReady);
 * a pod of an old revision is deleted (highest ordinal first) and recreated from the new
 * template (RollingUpdate); status counts follow the pods. volumeClaimTemplates are not
 * simulated (Storedeck declares its PVCs itself). Key: namespace/name.
 */
export function installStatefulSetController(rt: Runtime, events: EventRecorder): void {
  const failures = new Map<string, number>();
  const retryAt = new Map<string, number>();

  rt.register('statefulset', (key) => {
    const [ns = '', name = ''] = key.split('/');
    const set = rt.store.get('statefulsets.apps', ns, name);
    if (!set) {
      failures.delete(key);
      retryAt.delete(key);
      return;
    }
    if (set.metadata.deletionTimestamp) return;
    const now = rt.clock.now();
    const desired = Number(set.spec?.replicas ?? 1);
    const revision = `${name}-${podTemplateHash(set.spec?.template ?? {})}`;
    const owned = (): KubeObject[] =>
      rt.store.list('pods', ns).filter((p) => isOwnedBy(p, set) && !p.metadata.deletionTimestamp);
    for (const p of owned().filter(isTerminalPod)) rt.store.delete('pods', ns, p.metadata.name);
    let wake: number | undefined;

    const byOrdinal = new Map(owned().map((p) => [p.metadata.name, p]));
    // Scale down from the highest ordinal; then replace old revisions from the highest ordinal.
    for (const p of owned()) {
      const ordinal = Number(p.metadata.name.slice(name.length + 1));
      if (ordinal >= desired) rt.store.delete('pods', ns, p.metadata.name);
    }
    const stale = owned()
      .filter((p) => p.metadata.labels?.['controller-revision-hash'] !== revision)
      .sort((a, b) => (a.metadata.name < b.metadata.name ? 1 : -1));
    const victim = stale[0];
    if (victim && owned().every(isReadyPod)) {
      rt.store.delete('pods', ns, victim.metadata.name);
      events.record(
        set,
        'Normal',
        'SuccessfulDelete',
        `delete Pod ${victim.metadata.name} in StatefulSet ${name} successful`,
        STATEFULSET_CONTROLLER,
      );
    }
    for (let ordinal = 0; ordinal < desired; ordinal += 1) {
      const podName = `${name}-${ordinal}`;
      const existing = byOrdinal.get(podName) ?? rt.store.get('pods', ns, podName);
      if (existing && !existing.metadata.deletionTimestamp) {
        if (!isReadyPod(existing)) break; // OrderedReady: the next waits for this one
        continue;
      }
      if (existing) break; // still terminating
      if ((retryAt.get(key) ?? 0) > now) {
        wake = (retryAt.get(key) as number) - now;
        break;
      }
      const outcome = createPodFromTemplate(
        rt,
        events,
        set,
        {
          name: podName,
          generateName: '',
          extraLabels: {
            'controller-revision-hash': revision,
            'statefulset.kubernetes.io/pod-name': podName,
          },
        },
        STATEFULSET_CONTROLLER,
      );
      if (outcome !== 'created' && outcome !== 'exists') {
        const n = (failures.get(key) ?? 0) + 1;
        failures.set(key, n);
        retryAt.set(key, now + backoffMs(rt.profile, n));
        wake = backoffMs(rt.profile, n);
      } else {
        failures.delete(key);
        retryAt.delete(key);
      }
      break;
    }

    const pods = owned();
    const updated = pods.filter((p) => p.metadata.labels?.['controller-revision-hash'] === revision);
    const status = {
      observedGeneration: set.metadata.generation,
      replicas: pods.length,
      readyReplicas: pods.filter(isReadyPod).length,
      availableReplicas: pods.filter(isReadyPod).length,
      currentReplicas: updated.length,
      updatedReplicas: updated.length,
      currentRevision: updated.length === pods.length ? revision : (set.status?.currentRevision ?? revision),
      updateRevision: revision,
      collisionCount: 0,
    };
    if (JSON.stringify(status) !== JSON.stringify(set.status ?? {}))
      rt.store.updateStatus('statefulsets.apps', { ...set, status });
    return wake;
  });
}
