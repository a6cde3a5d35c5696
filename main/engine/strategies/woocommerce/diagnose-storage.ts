// Diagnosis of volume claims. A Pending claim is normal under a WaitForFirstConsumer class
// (local-path on k3s, standard on Kind) until a pod using it is scheduled; it is a fault when it
// names no class and the cluster has no default, names a class that does not exist, or when
// provisioning reports errors — for a WaitForFirstConsumer claim as soon as the scheduler has
// chosen its node (the volume.kubernetes.io/selected-node annotation): its pod stays unscheduled
// until the volume exists, so waiting for the pod would only ever end at the timeout.
import type { Diagnosis } from '../strategy';
import {
  componentOf,
  diagnosis,
  livePods,
  type EventShape,
  type PodShape,
  type StorageClassShape,
  type WorkloadShape,
} from './observed-shapes';
import { isDefaultStorageClass } from '../../../kube/storage-class';
import { provisioningFailure } from '../../signals/workload-signals';

/** Failed provisioning attempts after which the claim is a fault, not a hiccup the provisioner retries past. */
export const PROVISIONING_ATTEMPTS = 3;

const isDefault = (sc: StorageClassShape) => isDefaultStorageClass(sc.metadata?.annotations);

function claimProblem(
  pvc: WorkloadShape,
  classes: StorageClassShape[],
  pods: PodShape[],
  events: EventShape[],
): Diagnosis | null {
  if ((pvc.status?.phase ?? 'Pending') !== 'Pending') return null;
  const name = pvc.metadata?.name ?? 'volume claim';
  const component = componentOf(pvc.metadata);
  const className = pvc.spec?.storageClassName;
  if (!className) {
    if (classes.some(isDefault)) return null; // the default class is filled in
    return diagnosis(
      component,
      'PvcPending',
      `The volume claim ${name} is Pending: it names no StorageClass and the cluster has no default one. ` +
        'Choose a StorageClass in Settings, or mark one as the cluster default.',
      true,
    );
  }
  const storageClass = classes.find((sc) => sc.metadata?.name === className);
  if (!storageClass) {
    return diagnosis(
      component,
      'PvcPending',
      `The volume claim ${name} asks for StorageClass "${className}", which does not exist in this cluster. ` +
        'Choose an existing StorageClass in Settings.',
      true,
    );
  }
  const failure = events.find(
    (e) =>
      e.involvedObject?.kind === 'PersistentVolumeClaim' &&
      e.involvedObject.name === name &&
      (e.reason === 'ProvisioningFailed' || e.reason === 'FailedBinding'),
  );
  const provisioning = provisioningFailure(pvc, events);
  if (provisioning) {
    const tries = provisioning.attempts > 1 ? ` (${provisioning.attempts} attempts so far)` : '';
    return diagnosis(
      component,
      'ProvisioningFailed',
      `The volume claim ${name} cannot be created on node ${provisioning.node}: the storage provisioner of ` +
        `StorageClass "${className}" says "${provisioning.message}"${tries}. ` +
        'Check that the provisioner is running and that this node has storage it may use, or choose another StorageClass in Settings.',
      provisioning.attempts >= PROVISIONING_ATTEMPTS,
    );
  }
  if (storageClass.volumeBindingMode === 'WaitForFirstConsumer') {
    const consumerScheduled = livePods(pods).some(
      (p) =>
        p.spec?.nodeName && (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === name),
    );
    if (!consumerScheduled) return null; // waits for its pod: normal
  }
  if (!failure) return null;
  return diagnosis(
    component,
    'PvcPending',
    `The volume claim ${name} (StorageClass "${className}") cannot be provisioned: ${failure.message ?? failure.reason}`,
    false,
  );
}

export function storageDiagnoses(
  pvcs: WorkloadShape[],
  classes: StorageClassShape[],
  pods: PodShape[],
  events: EventShape[],
): Diagnosis[] {
  return pvcs
    .map((pvc) => claimProblem(pvc, classes, pods, events))
    .filter((d): d is Diagnosis => d !== null);
}
