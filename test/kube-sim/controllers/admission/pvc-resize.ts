// PersistentVolumeClaimResize admission (plugin/pkg/admission/storage/persistentvolume/resize):
// a claim grows only when bound and only if its StorageClass sets allowVolumeExpansion.
import type { AdmissionPlugin } from '../../types.js';
import { forbidden } from '../../store/errors.js';
import { compareQuantity, parseQuantity } from '../quantity.js';

const PVC = { group: '', plural: 'persistentvolumeclaims' };

export const pvcResizeAdmission: AdmissionPlugin = (op, key, obj, old, store) => {
  if (op !== 'UPDATE' || key !== 'persistentvolumeclaims' || !old) return;
  const wanted = obj.spec?.resources?.requests?.storage;
  const before = old.spec?.resources?.requests?.storage;
  if (
    !wanted ||
    !before ||
    compareQuantity(parseQuantity(String(wanted)), parseQuantity(String(before))) <= 0
  )
    return;
  if (old.status?.phase !== 'Bound')
    throw forbidden(PVC, obj.metadata.name, 'Only bound persistent volume claims can be expanded');
  const className = old.spec?.storageClassName as string | undefined;
  const sc = className ? store.get('storageclasses.storage.k8s.io', undefined, className) : undefined;
  if (sc?.allowVolumeExpansion !== true)
    throw forbidden(
      PVC,
      obj.metadata.name,
      'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    );
};
