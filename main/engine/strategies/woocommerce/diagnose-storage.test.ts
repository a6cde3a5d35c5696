import { describe, it } from 'vitest';
import {
  event,
  expectDiagnosis,
  observed,
  pod,
  pvc,
  storageClass,
  type DiagnosisCase,
} from './diagnose.fixture';

const cases: DiagnosisCase[] = [
  [
    'PVC with no class and no default StorageClass',
    observed({
      pvcs: [pvc('mysql-data', 'mysql', null)],
      events: [
        event(
          'PersistentVolumeClaim',
          'mysql-data',
          'FailedBinding',
          'no persistent volumes available for this claim and no storage class is set',
        ),
      ],
    }),
    {
      step: 'wait-mysql',
      cause: 'PvcPending',
      terminal: true,
      says: ['mysql-data', 'no default one', 'Settings'],
    },
  ],
  [
    'PVC with no class while a default exists: admission fills it in',
    observed({
      pvcs: [pvc('mysql-data', 'mysql', null)],
      storageClasses: [storageClass('standard', 'WaitForFirstConsumer', true)],
    }),
    null,
  ],
  [
    'PVC naming a class that does not exist',
    observed({
      pvcs: [pvc('wordpress-data', 'wordpress', 'fast-ssd')],
      storageClasses: [storageClass('local-path', 'WaitForFirstConsumer', true)],
    }),
    { step: 'wait-wordpress', cause: 'PvcPending', terminal: true, says: ['"fast-ssd"', 'does not exist'] },
  ],
  [
    'WaitForFirstConsumer PVC with its pod not yet scheduled is normal',
    observed({
      pvcs: [pvc('mysql-data', 'mysql', 'local-path')],
      storageClasses: [storageClass('local-path', 'WaitForFirstConsumer', true)],
      pods: [
        pod('mysql-5d8f-a', 'mysql', 'mysql:8.4.10', { node: null, claim: 'mysql-data', phase: 'Pending' }),
      ],
      events: [
        event(
          'PersistentVolumeClaim',
          'mysql-data',
          'WaitForFirstConsumer',
          'waiting for first consumer to be created before binding',
        ),
      ],
    }),
    null,
  ],
  [
    'WaitForFirstConsumer PVC whose scheduled pod cannot get a volume',
    observed({
      pvcs: [pvc('mysql-data', 'mysql', 'local-path')],
      storageClasses: [storageClass('local-path', 'WaitForFirstConsumer', true)],
      pods: [
        pod('mysql-5d8f-a', 'mysql', 'mysql:8.4.10', {
          claim: 'mysql-data',
          phase: 'Pending',
          waiting: { reason: 'ContainerCreating' },
        }),
      ],
      events: [
        event(
          'PersistentVolumeClaim',
          'mysql-data',
          'ProvisioningFailed',
          'failed to provision volume with StorageClass "local-path": no space left on device',
        ),
      ],
    }),
    {
      step: 'wait-mysql',
      cause: 'PvcPending',
      terminal: false,
      says: ['cannot be provisioned', 'no space left'],
    },
  ],
];

// The scheduler chose the node (annotation) and waits for the volume: the pod is not scheduled yet.
const selected = { 'volume.kubernetes.io/selected-node': 'storedeck-control-plane' };
const noPath =
  'failed to provision volume with StorageClass "standard": config doesn\'t contain node storedeck-control-plane, and no DEFAULT_PATH_FOR_NON_LISTED_NODES available';
const waitingForVolume = (count: number) =>
  observed({
    pvcs: [pvc('mysql-data', 'mysql', 'standard', 'Pending', selected)],
    storageClasses: [storageClass('standard', 'WaitForFirstConsumer', true)],
    pods: [
      pod('mysql-5d8f-a', 'mysql', 'mysql:8.4.10', { node: null, claim: 'mysql-data', phase: 'Pending' }),
    ],
    events: [
      event('PersistentVolumeClaim', 'mysql-data', 'ProvisioningFailed', noPath, {
        first: '2026-11-27T10:00:00Z',
        last: '2026-11-27T10:00:07Z',
        count,
      }),
    ],
  });
cases.push(
  [
    'WaitForFirstConsumer claim whose selected node cannot get a volume, provisioner retrying',
    waitingForVolume(1),
    {
      step: 'wait-mysql',
      cause: 'ProvisioningFailed',
      terminal: false,
      says: [
        'mysql-data',
        'on node storedeck-control-plane',
        'StorageClass "standard"',
        "config doesn't contain node",
      ],
    },
  ],
  [
    'WaitForFirstConsumer claim whose provisioning keeps failing on the selected node: a fault, not a wait',
    waitingForVolume(3),
    {
      step: 'wait-mysql',
      cause: 'ProvisioningFailed',
      terminal: true,
      says: ['(3 attempts so far)', 'provisioner is running'],
    },
  ],
);

describe('diagnosis of volume claims', () => {
  it.each(cases)('%s', (_name, state, expected) => {
    expectDiagnosis(state, expected);
  });
});
