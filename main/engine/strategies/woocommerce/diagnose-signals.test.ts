import { describe, it } from 'vitest';
import { event, expectDiagnosis, observed, pod, type DiagnosisCase } from './diagnose.fixture';

const WP = 'wordpress:6.9.4-php8.3-apache';
const missingKey = "couldn't find key MYSQL_PASSWORD in Secret store-corner-shop/mysql-credentials";
const reserved =
  'failed to reserve container name "wordpress_wordpress-7c9-b_store-corner-shop_1b2c_0": name "wordpress_wordpress-7c9-b_store-corner-shop_1b2c_0" is reserved for "4f1e"';
const configError = (count: number) =>
  observed({
    pods: [
      pod('wordpress-7c9-b', 'wordpress', WP, {
        waiting: { reason: 'CreateContainerConfigError', message: missingKey },
      }),
    ],
    events: [event('Pod', 'wordpress-7c9-b', 'Failed', `Error: ${missingKey}`, { count })],
  });

const cases: DiagnosisCase[] = [
  [
    'a Secret key the container needs is missing, first attempt: explains the wait',
    configError(1),
    {
      step: 'wait-wordpress',
      cause: 'ContainerConfigError',
      terminal: false,
      says: ['WordPress cannot start', 'does not exist', missingKey],
    },
  ],
  [
    'a Secret key the container needs is still missing after the kubelet retried: a fault',
    configError(3),
    {
      step: 'wait-wordpress',
      cause: 'ContainerConfigError',
      terminal: true,
      says: ['tried 3 times', 'Repair'],
    },
  ],
  [
    'runAsNonRoot against an image that runs as root',
    observed({
      pods: [
        pod('mysql-5d8f-a', 'mysql', 'mysql:8.4.10', {
          waiting: {
            reason: 'CreateContainerConfigError',
            message:
              'container has runAsNonRoot and image will run as root (pod: "mysql-5d8f-a_store-corner-shop(1b2c)", container: mysql)',
          },
        }),
      ],
    }),
    { step: 'wait-mysql', cause: 'ContainerConfigError', terminal: false, says: ['security settings'] },
  ],
  [
    'the runtime refuses to create the container, again and again',
    observed({
      pods: [
        pod('wordpress-7c9-b', 'wordpress', WP, {
          waiting: { reason: 'CreateContainerError', message: reserved },
        }),
      ],
      events: [event('Pod', 'wordpress-7c9-b', 'Failed', `Error: ${reserved}`, { count: 4 })],
    }),
    {
      step: 'wait-wordpress',
      cause: 'CreateContainerError',
      terminal: true,
      says: ['container runtime on the node refuses', 'failed to reserve container name'],
    },
  ],
  [
    'killed for a failing liveness probe three times',
    observed({
      pods: [
        pod('wordpress-7c9-b', 'wordpress', WP, {
          restarts: 3,
          waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container' },
          lastTerminated: { reason: 'Error', exitCode: 137 },
        }),
      ],
      events: [
        event(
          'Pod',
          'wordpress-7c9-b',
          'Unhealthy',
          'Liveness probe failed: dial tcp 10.244.0.7:80: connect: connection refused',
          { count: 18 },
        ),
        event(
          'Pod',
          'wordpress-7c9-b',
          'Killing',
          'Container wordpress failed liveness probe, will be restarted',
          {
            count: 3,
          },
        ),
      ],
    }),
    {
      step: 'wait-wordpress',
      cause: 'LivenessProbeFailing',
      terminal: true,
      says: ['keeps being restarted', 'liveness probe fails (dial tcp 10.244.0.7:80', '3 restarts'],
    },
  ],
  [
    'an app that answers its readiness probe with an error, a few times already',
    observed({
      pods: [pod('wordpress-7c9-b', 'wordpress', WP, { ready: false })],
      events: [
        event(
          'Pod',
          'wordpress-7c9-b',
          'Unhealthy',
          'Readiness probe failed: HTTP probe failed with statuscode: 500',
          {
            first: '2026-11-27T10:00:00Z',
            last: '2026-11-27T10:00:15Z',
            count: 4,
          },
        ),
      ],
    }),
    {
      step: 'wait-wordpress',
      cause: 'ProbeFailing',
      terminal: false,
      says: ['running but not ready', '(HTTP probe failed with statuscode: 500), 4 times over 15 seconds'],
    },
  ],
];

describe('diagnosis of the kubelet’s signals', () => {
  it.each(cases)('%s', (_name, state, expected) => {
    expectDiagnosis(state, expected);
  });
});
