import { describe, expect, it } from 'vitest';
import type { Diagnosis, ObservedState } from '../strategy';
import { deployment, event, job, observed, pod, pvc, storageClass } from './diagnose.fixture';
import { diagnoseWooCommerce } from './diagnose';

const QUOTA_MESSAGE =
  'pods "mysql-5d8f7c9b6-x2x4q" is forbidden: exceeded quota: store-quota, requested: limits.memory=768Mi, used: limits.memory=1536Mi, limited: limits.memory=2Gi';
const BACKOFF = {
  type: 'Failed',
  status: 'True',
  reason: 'BackoffLimitExceeded',
  message: 'Job has reached the specified backoff limit',
};

type Expected = Pick<Diagnosis, 'step' | 'cause' | 'terminal'> & { says: (string | RegExp)[] };
const cases: [string, ObservedState, Expected | null][] = [
  ['nothing observed yet', observed(), null],
  [
    'all running and ready',
    observed({
      pods: [
        pod('mysql-5d8f-a', 'mysql', 'mysql:8.4.10', { ready: true }),
        pod('wordpress-7c9-b', 'wordpress', 'wordpress:6.9.4-php8.3-apache', { ready: true }),
      ],
    }),
    null,
  ],
  [
    'ImagePullBackOff names the image the pod asked for',
    observed({
      pods: [
        pod('mysql-5d8f-a', 'mysql', 'mysql:8.4.99', {
          waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "mysql:8.4.99"' },
        }),
      ],
    }),
    {
      step: 'wait-mysql',
      cause: 'ImagePullBackOff',
      terminal: true,
      says: ['MySQL cannot start', '"mysql:8.4.99"', 'image registry'],
    },
  ],
  [
    'a first ErrImagePull is not final yet',
    observed({
      pods: [
        pod('wordpress-7c9-b', 'wordpress', 'wordpress:6.9.4-php8.3-apache', {
          waiting: {
            reason: 'ErrImagePull',
            message:
              'failed to pull and unpack image "docker.io/library/wordpress:6.9.4-php8.3-apache": i/o timeout',
          },
        }),
      ],
    }),
    {
      step: 'wait-wordpress',
      cause: 'ImagePullBackOff',
      terminal: false,
      says: ['WordPress', 'i/o timeout'],
    },
  ],
  [
    'CrashLoopBackOff names the container, the restarts and the last exit',
    observed({
      pods: [
        pod('mysql-5d8f-a', 'mysql', 'mysql:8.4.10', {
          waiting: {
            reason: 'CrashLoopBackOff',
            message:
              'back-off 40s restarting failed container=mysql pod=mysql-5d8f-a_store-corner-shop(0f0e)',
          },
          restarts: 4,
          lastTerminated: { reason: 'OOMKilled', exitCode: 137 },
        }),
      ],
    }),
    {
      step: 'wait-mysql',
      cause: 'CrashLoopBackOff',
      terminal: true,
      says: ['"mysql" restarted 4 times', 'OOMKilled (code 137)'],
    },
  ],
  [
    'one early crash is not yet a crash loop worth failing for',
    observed({
      pods: [
        pod('mysql-5d8f-a', 'mysql', 'mysql:8.4.10', {
          waiting: { reason: 'CrashLoopBackOff' },
          restarts: 1,
        }),
      ],
    }),
    { step: 'wait-mysql', cause: 'CrashLoopBackOff', terminal: false, says: ['restarted 1 times'] },
  ],
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
  [
    'a Deployment refused by the quota (ReplicaFailure)',
    observed({
      deployments: [
        deployment('mysql', 'mysql', [
          { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: QUOTA_MESSAGE },
        ]),
      ],
      events: [event('ReplicaSet', 'mysql-5d8f7c9b6', 'FailedCreate', `Error creating: ${QUOTA_MESSAGE}`)],
    }),
    {
      step: 'wait-mysql',
      cause: 'QuotaExceeded',
      terminal: true,
      says: ['resource quota is used up', 'limits.memory=768Mi'],
    },
  ],
  [
    'the setup Job refused by the quota (FailedCreate event)',
    observed({
      jobs: [job('woocommerce-setup', 'setup', { active: 0 })],
      events: [
        event(
          'Job',
          'woocommerce-setup',
          'FailedCreate',
          'Error creating: pods "woocommerce-setup-q7w2x" is forbidden: exceeded quota: store-quota, requested: pods=1, used: pods=10, limited: pods=10',
        ),
      ],
    }),
    { step: 'setup', cause: 'QuotaExceeded', terminal: true, says: ['The setup job', 'pods=10'] },
  ],
  [
    'an old quota refusal no longer counts once the pod exists',
    observed({
      pods: [pod('mysql-5d8f-a', 'mysql', 'mysql:8.4.10', { ready: true })],
      events: [event('ReplicaSet', 'mysql-5d8f7c9b6', 'FailedCreate', `Error creating: ${QUOTA_MESSAGE}`)],
    }),
    null,
  ],
  [
    'a pod that fits no node',
    observed({
      pods: [
        pod('wordpress-7c9-b', 'wordpress', 'wordpress:6.9.4-php8.3-apache', {
          unschedulable:
            '0/1 nodes are available: 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
        }),
      ],
    }),
    {
      step: 'wait-wordpress',
      cause: 'Unschedulable',
      terminal: false,
      says: ['0/1 nodes are available: 1 Insufficient memory.'],
    },
  ],
  [
    'the setup Job failed: backoff limit, with its last log lines',
    {
      ...observed({ jobs: [job('woocommerce-setup', 'setup', { failed: 4, conditions: [BACKOFF] })] }),
      setupLogTail: ['storedeck: database is answering', 'Error: Could not create product.', ''],
    },
    {
      step: 'setup',
      cause: 'JobFailed',
      terminal: true,
      says: ['failed after 4 attempts (BackoffLimitExceeded)', 'Error: Could not create product.'],
    },
  ],
  [
    'the setup Job failing but still retrying',
    observed({ jobs: [job('woocommerce-setup', 'setup', { failed: 1, active: 1 })] }),
    { step: 'setup', cause: 'JobFailing', terminal: false, says: ['failed 1 time and is retrying'] },
  ],
  [
    'readiness failing for three minutes',
    observed({
      pods: [pod('wordpress-7c9-b', 'wordpress', 'wordpress:6.9.4-php8.3-apache', { ready: false })],
      events: [
        event(
          'Pod',
          'wordpress-7c9-b',
          'Unhealthy',
          'Readiness probe failed: HTTP probe failed with statuscode: 500',
          {
            first: '2026-11-27T10:00:00Z',
            last: '2026-11-27T10:03:00Z',
            count: 36,
          },
        ),
      ],
    }),
    {
      step: 'wait-wordpress',
      cause: 'ProbeFailing',
      terminal: false,
      says: ['3 minutes', 'statuscode: 500'],
    },
  ],
  [
    'readiness failing briefly during start is not reported',
    observed({
      pods: [pod('wordpress-7c9-b', 'wordpress', 'wordpress:6.9.4-php8.3-apache', { ready: false })],
      events: [
        event('Pod', 'wordpress-7c9-b', 'Unhealthy', 'Readiness probe failed: connection refused', {
          first: '2026-11-27T10:00:00Z',
          last: '2026-11-27T10:00:20Z',
        }),
      ],
    }),
    null,
  ],
  [
    'a terminating pod of a finished rollout is ignored',
    observed({
      pods: [
        pod('mysql-old-a', 'mysql', 'mysql:8.4.99', {
          deleting: true,
          waiting: { reason: 'ImagePullBackOff' },
        }),
      ],
    }),
    null,
  ],
];

describe('diagnoseWooCommerce', () => {
  it.each(cases)('%s', (_name, state, expected) => {
    const result = diagnoseWooCommerce(state);
    if (expected === null) {
      expect(result).toBeNull();
      return;
    }
    const { says, ...shape } = expected;
    expect(result).toMatchObject(shape);
    for (const phrase of says) expect(result?.message).toMatch(phrase);
  });

  it('prefers a terminal cause to a harmless-looking one elsewhere', () => {
    const result = diagnoseWooCommerce(
      observed({
        pods: [
          pod('wordpress-7c9-b', 'wordpress', 'wordpress:6.9.4-php8.3-apache', {
            unschedulable: '0/1 nodes are available: 1 Insufficient cpu.',
          }),
          pod('mysql-5d8f-a', 'mysql', 'mysql:8.4.99', { waiting: { reason: 'ImagePullBackOff' } }),
        ],
      }),
    );
    expect(result).toMatchObject({ cause: 'ImagePullBackOff', step: 'wait-mysql', terminal: true });
  });

  it('keeps only the last lines of a long setup log', () => {
    const tail = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    const result = diagnoseWooCommerce({
      ...observed({ jobs: [job('woocommerce-setup', 'setup', { failed: 4, conditions: [BACKOFF] })] }),
      setupLogTail: tail,
    });
    expect(result?.message).toContain('line 30');
    expect(result?.message).toContain('line 23');
    expect(result?.message).not.toContain('line 22\n');
  });
});
