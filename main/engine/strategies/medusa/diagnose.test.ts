// The MedusaJS diagnosis on realistic status shapes (as the kubelet writes them, with the
// FallbackToLogsOnError termination message): what the user reads, and whether it is final.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../kube/kube-object';
import type { ObservedState } from '../strategy';
import { diagnoseMedusa } from './diagnose';

const labels = (component: string) => ({ 'app.kubernetes.io/component': component });

function crashingInit(name: string, message: string, restarts: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'medusa-server-7d9f-abcde', labels: labels('server') },
    status: {
      phase: 'Pending',
      initContainerStatuses: [
        {
          name,
          restartCount: restarts,
          state: {
            waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container' },
          },
          lastState: { terminated: { exitCode: 1, reason: 'Error', message } },
        },
      ],
    },
  };
}

const observed = (pods: KubeObject[], events: KubeObject[] = []): ObservedState => ({
  pods,
  pvcs: [],
  events,
  deployments: [],
  jobs: [],
  storageClasses: [],
});

describe('diagnoseMedusa', () => {
  it('tells an unreachable registry from another install failure', () => {
    const offline = diagnoseMedusa(
      observed([
        crashingInit(
          'install',
          'npm error request to https://registry.npmjs.org/x failed, reason: connect ETIMEDOUT 104.16.0.35:443\ninstall.sh: npm ci failed: could not install the server dependencies from https://registry.npmjs.org/\n',
          3,
        ),
      ]),
    );
    expect(offline).toMatchObject({
      cause: 'RegistryUnreachable',
      step: 'wait-medusa-server',
      terminal: true,
    });
    expect(offline?.message).toMatch(/Last log lines:\n.*ETIMEDOUT/);

    const other = diagnoseMedusa(
      observed([crashingInit('install', 'install.sh: medusa build failed (see the lines above)\n', 1)]),
    );
    expect(other).toMatchObject({ cause: 'InstallFailed', terminal: false });
    expect(other?.message).toMatch(
      /Installing the Medusa app failed \(restarted 1 time\)\. Last log lines:\ninstall\.sh: medusa build failed/,
    );
  });

  it('quotes a failed migration', () => {
    const d = diagnoseMedusa(
      observed([
        crashingInit(
          'migrate',
          'migrate.sh: running database migrations\nerror: relation "x" already exists\n',
          4,
        ),
      ]),
    );
    expect(d).toMatchObject({ cause: 'MigrationFailed', terminal: true });
    expect(d?.message).toMatch(/relation "x" already exists$/);
  });

  it('quotes PostgreSQL failing to start (the simulator cannot hold the server back for it)', () => {
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'postgres-0', labels: labels('postgres') },
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'postgres',
            restartCount: 5,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: {
              terminated: {
                exitCode: 1,
                message:
                  'initdb: error: directory "/var/lib/postgresql/data/pgdata" exists but is not empty\n',
              },
            },
          },
        ],
      },
    };
    expect(diagnoseMedusa(observed([pod]))).toMatchObject({
      cause: 'CrashLoopBackOff',
      step: 'provision',
      terminal: true,
      message: expect.stringMatching(
        /^PostgreSQL keeps failing to start: restarted 5 times\. Last log lines:\ninitdb: error/,
      ),
    });
  });

  it('reports a storefront that has not served for two minutes, and not before', () => {
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'storefront-5c6d-fghij', labels: labels('storefront') },
      status: {
        phase: 'Running',
        containerStatuses: [{ name: 'storefront', restartCount: 0, state: { running: {} } }],
      },
    };
    const unhealthy = (seconds: number): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'storefront-5c6d-fghij.1' },
      reason: 'Unhealthy',
      message: 'Readiness probe failed: HTTP probe failed with statuscode: 503',
      count: 12,
      firstTimestamp: '2026-12-01T10:00:00Z',
      lastTimestamp: new Date(Date.parse('2026-12-01T10:00:00Z') + seconds * 1000).toISOString(),
      involvedObject: {
        kind: 'Pod',
        name: 'storefront-5c6d-fghij',
        fieldPath: 'spec.containers{storefront}',
      },
    });
    expect(diagnoseMedusa(observed([pod], [unhealthy(60)]))).toBeNull();
    expect(diagnoseMedusa(observed([pod], [unhealthy(150)]))).toMatchObject({
      cause: 'NotServing',
      terminal: false,
      message: expect.stringMatching(
        /^The storefront runs but does not serve: .*statuscode: 503, 12 times\)$/,
      ),
    });
  });
});
