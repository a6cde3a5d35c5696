import { describe, expect, it } from 'vitest';
import {
  deployment,
  event,
  expectDiagnosis,
  job,
  observed,
  pod,
  type DiagnosisCase,
} from './diagnose.fixture';
import { diagnoseWooCommerce } from './diagnose';

const QUOTA_MESSAGE =
  'pods "mysql-5d8f7c9b6-x2x4q" is forbidden: exceeded quota: store-quota, requested: limits.memory=768Mi, used: limits.memory=1536Mi, limited: limits.memory=2Gi';
const BACKOFF = {
  type: 'Failed',
  status: 'True',
  reason: 'BackoffLimitExceeded',
  message: 'Job has reached the specified backoff limit',
};

const cases: DiagnosisCase[] = [
  ['nothing observed yet', observed(), null],
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
];

describe('diagnoseWooCommerce', () => {
  it.each(cases)('%s', (_name, state, expected) => {
    expectDiagnosis(state, expected);
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
