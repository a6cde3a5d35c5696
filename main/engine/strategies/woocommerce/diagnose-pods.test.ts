import { describe, it } from 'vitest';
import { event, expectDiagnosis, observed, pod, type DiagnosisCase } from './diagnose.fixture';

const cases: DiagnosisCase[] = [
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

describe('diagnosis of pods', () => {
  it.each(cases)('%s', (_name, state, expected) => {
    expectDiagnosis(state, expected);
  });
});
