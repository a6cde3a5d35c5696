import type { AdmissionPlugin, KubeObject, ObjectStore } from '../../types.js';

const DEFAULT_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

export const isDefaultClass = (sc: KubeObject): boolean =>
  DEFAULT_ANNOTATIONS.some((a) => sc.metadata.annotations?.[a] === 'true');

/** The default StorageClass; with several, the newest wins (Kubernetes ≥ 1.26). */
export function defaultStorageClass(store: ObjectStore): KubeObject | undefined {
  const defaults = store.list('storageclasses.storage.k8s.io').filter(isDefaultClass);
  defaults.sort(
    (a, b) =>
      (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') ||
      a.metadata.name.localeCompare(b.metadata.name),
  );
  return defaults[0];
}

/** DefaultStorageClass admission: a claim without storageClassName gets the default class. */
export const defaultStorageClassAdmission: AdmissionPlugin = (op, key, obj, _old, store) => {
  if (op !== 'CREATE' || key !== 'persistentvolumeclaims') return;
  obj.spec ??= {};
  if (obj.spec.storageClassName !== undefined && obj.spec.storageClassName !== null) return;
  const sc = defaultStorageClass(store);
  if (sc) obj.spec.storageClassName = sc.metadata.name;
};

export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';

/** StorageObjectInUseProtection admission: every new claim carries the pvc-protection finalizer. */
export const pvcProtectionAdmission: AdmissionPlugin = (op, key, obj) => {
  if (op !== 'CREATE' || key !== 'persistentvolumeclaims') return;
  const finalizers = obj.metadata.finalizers ?? [];
  if (!finalizers.includes(PVC_PROTECTION)) obj.metadata.finalizers = [...finalizers, PVC_PROTECTION];
};
