import type { KubeObject } from '../types.js';
import { PVC_PROTECTION, defaultStorageClass } from './admission/default-storage-class.js';
import type { EventRecorder } from './events.js';
import { namespaceHangs } from './namespace.controller.js';
import type { Runtime } from './runtime.js';
import { isTerminalPod } from './usage.js';
import { ProvisionRetries, provisioningError } from './provisioning-failure.js';

export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';
const PV_CONTROLLER = { component: 'persistentvolume-controller' };

/** Claim names a pod mounts. */
export const claimsOf = (pod: KubeObject): string[] =>
  ((pod.spec?.volumes ?? []) as Array<{ persistentVolumeClaim?: { claimName?: string } }>).flatMap((v) =>
    v.persistentVolumeClaim?.claimName ? [v.persistentVolumeClaim.claimName] : [],
  );

export const podsUsingClaim = (rt: Runtime, namespace: string, claim: string): KubeObject[] =>
  rt.store.list('pods', namespace).filter((p) => !isTerminalPod(p) && claimsOf(p).includes(claim));

export const storageClassOf = (rt: Runtime, pvc: KubeObject): KubeObject | undefined =>
  pvc.spec?.storageClassName
    ? rt.store.get('storageclasses.storage.k8s.io', undefined, pvc.spec.storageClassName)
    : undefined;

export const isWaitForFirstConsumer = (sc: KubeObject | undefined): boolean =>
  sc?.volumeBindingMode === 'WaitForFirstConsumer';

/**
 * The PV controller and a dynamic provisioner in one: claims bind pvcBindMs after provisioning
 * starts (at once for Immediate classes, once the scheduler picks a node for WaitForFirstConsumer),
 * claims without a usable class stay Pending with the real events, and the pvc-protection
 * finalizer is released once no pod uses a deleted claim. Key: namespace/name.
 */
export function installPvcController(rt: Runtime, events: EventRecorder): void {
  // The real PV controller's words when a claim has no class to provision from.
  const noClassEvent = (pvc: KubeObject): void =>
    events.record(
      pvc,
      'Normal',
      'FailedBinding',
      'no persistent volumes available for this claim and no storage class is set',
      PV_CONTROLLER,
    );
  const provisionedAt = new Map<string, number>();
  const retries = new ProvisionRetries(rt);

  rt.register('pvc', (key) => {
    const [namespace = '', name = ''] = key.split('/');
    const pvc = rt.store.get('persistentvolumeclaims', namespace, name);
    if (!pvc) {
      for (const k of provisionedAt.keys())
        if (k.startsWith(`${key}#`)) {
          provisionedAt.delete(k);
          retries.forget(k);
        }
      return;
    }
    if (pvc.metadata.deletionTimestamp) {
      const finalizers = pvc.metadata.finalizers ?? [];
      if (
        !finalizers.includes(PVC_PROTECTION) ||
        namespaceHangs(rt, namespace) ||
        podsUsingClaim(rt, namespace, name).length
      )
        return;
      rt.store.update('persistentvolumeclaims', {
        ...pvc,
        metadata: { ...pvc.metadata, finalizers: finalizers.filter((f) => f !== PVC_PROTECTION) },
      });
      if (rt.store.get('persistentvolumeclaims', namespace, name))
        rt.store.delete('persistentvolumeclaims', namespace, name);
      return;
    }
    if (pvc.status?.phase === 'Bound') return;
    const className = pvc.spec?.storageClassName;
    if (className === undefined || className === null) {
      // Retroactive default class assignment (Kubernetes ≥ 1.28) for claims created before a default existed.
      const sc = defaultStorageClass(rt.store);
      if (sc)
        rt.store.update('persistentvolumeclaims', {
          ...pvc,
          spec: { ...pvc.spec, storageClassName: sc.metadata.name },
        });
      else noClassEvent(pvc);
      return;
    }
    if (className === '') {
      noClassEvent(pvc);
      return;
    }
    const sc = storageClassOf(rt, pvc);
    if (!sc) {
      events.record(
        pvc,
        'Warning',
        'ProvisioningFailed',
        `storageclass.storage.k8s.io "${className}" not found`,
        PV_CONTROLLER,
      );
      return;
    }
    const provisioner = String(sc.provisioner ?? '');
    const node = pvc.metadata.annotations?.[SELECTED_NODE];
    if (isWaitForFirstConsumer(sc) && !node) {
      events.record(
        pvc,
        'Normal',
        'WaitForFirstConsumer',
        'waiting for first consumer to be created before binding',
        PV_CONTROLLER,
      );
      return;
    }
    if (provisioner === NO_PROVISIONER) {
      if (!isWaitForFirstConsumer(sc)) noClassEvent(pvc);
      return;
    }
    const id = `${key}#${pvc.metadata.uid}`;
    const now = rt.clock.now();
    let bindAt = provisionedAt.get(id);
    if (bindAt === undefined) {
      bindAt = now + rt.profile.timings.pvcBindMs;
      provisionedAt.set(id, bindAt);
      const annotations = {
        ...(pvc.metadata.annotations ?? {}),
        'volume.beta.kubernetes.io/storage-provisioner': provisioner,
        'volume.kubernetes.io/storage-provisioner': provisioner,
      };
      const updated = rt.store.update('persistentvolumeclaims', {
        ...pvc,
        metadata: { ...pvc.metadata, annotations },
      });
      events.record(
        updated,
        'Normal',
        'ExternalProvisioning',
        `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
        PV_CONTROLLER,
      );
      events.record(
        updated,
        'Normal',
        'Provisioning',
        `External provisioner is provisioning volume for claim "${namespace}/${name}"`,
        { component: `${provisioner}_sim-provisioner` },
      );
    }
    if (now < bindAt) return bindAt - now;
    const failure = node ? provisioningError(rt, sc, node) : undefined;
    if (failure) {
      if (retries.tried(id))
        events.record(
          pvc,
          'Normal',
          'Provisioning',
          `External provisioner is provisioning volume for claim "${namespace}/${name}"`,
          { component: `${provisioner}_sim-provisioner` },
        );
      const wait = retries.failed(id);
      provisionedAt.set(id, now + wait);
      events.record(pvc, 'Warning', 'ProvisioningFailed', failure, {
        component: `${provisioner}_sim-provisioner`,
      });
      return wait;
    }
    retries.forget(id);
    provisionedAt.delete(id);
    const fresh = rt.store.get('persistentvolumeclaims', namespace, name) as KubeObject;
    const volumeName = `pvc-${fresh.metadata.uid}`;
    const annotations = {
      ...(fresh.metadata.annotations ?? {}),
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
    };
    const bound = rt.store.update('persistentvolumeclaims', {
      ...fresh,
      metadata: { ...fresh.metadata, annotations },
      spec: { ...fresh.spec, volumeName },
    });
    const storage = fresh.spec?.resources?.requests?.storage;
    rt.store.updateStatus('persistentvolumeclaims', {
      ...bound,
      status: {
        phase: 'Bound',
        accessModes: fresh.spec?.accessModes ?? ['ReadWriteOnce'],
        ...(storage !== undefined ? { capacity: { storage } } : {}),
      },
    });
    events.record(bound, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${volumeName}`, {
      component: `${provisioner}_sim-provisioner`,
    });
  });
}
