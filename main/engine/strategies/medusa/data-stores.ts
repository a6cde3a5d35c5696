// PostgreSQL (StatefulSet on its own PVC) and Redis (a Deployment without persistence: it holds
// sessions, the event bus and workflow state, all rebuilt after a restart).
import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import {
  MEDUSA_COMPONENT,
  MEDUSA_DATABASE,
  MEDUSA_NAMES,
  MEDUSA_PORTS,
  MEDUSA_PVC,
  MEDUSA_RESOURCES,
  MEDUSA_SECRET_KEYS,
  POSTGRES_UID,
  REDIS_UID,
  medusaImageRef,
  type MedusaComponent,
} from './medusa-facts';
import { RESTRICTED_CONTAINER, TAIL_ON_ERROR, medusaLabels, medusaMeta, medusaSelector } from './object-meta';
import { fromSecret } from '../env-var';
import { POD_DEFAULTS, nonRootPodSecurity } from '../non-root-pod';
import { volumeClaim } from '../store-wide-objects';

export function buildPostgresClaim(ctx: StoreContext): KubeObject {
  return claim(ctx, MEDUSA_NAMES.postgresPvc, MEDUSA_COMPONENT.postgres, MEDUSA_PVC.postgres);
}

export function claim(ctx: StoreContext, name: string, component: MedusaComponent, size: string): KubeObject {
  return volumeClaim(medusaMeta(ctx, name, component), size, ctx.storageClassName);
}

const READY = `pg_isready -h 127.0.0.1 -U ${MEDUSA_DATABASE.user} -d ${MEDUSA_DATABASE.name}`;

export function buildPostgresStatefulSet(ctx: StoreContext): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: medusaMeta(ctx, MEDUSA_NAMES.postgres, MEDUSA_COMPONENT.postgres),
    spec: {
      replicas: 1,
      serviceName: MEDUSA_NAMES.postgres,
      selector: { matchLabels: medusaSelector(MEDUSA_COMPONENT.postgres) },
      template: {
        metadata: { labels: medusaLabels(ctx, MEDUSA_COMPONENT.postgres) },
        spec: {
          ...POD_DEFAULTS,
          securityContext: nonRootPodSecurity(POSTGRES_UID),
          containers: [
            {
              name: 'postgres',
              image: medusaImageRef('postgres', ctx.imageRegistry),
              env: [
                { name: 'POSTGRES_DB', value: MEDUSA_DATABASE.name },
                { name: 'POSTGRES_USER', value: MEDUSA_DATABASE.user },
                fromSecret(
                  'POSTGRES_PASSWORD',
                  MEDUSA_NAMES.databaseSecret,
                  MEDUSA_SECRET_KEYS.postgresPassword,
                ),
                // A subdirectory: a fresh volume's lost+found would make initdb refuse it.
                { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
              ],
              ports: [{ name: 'postgres', containerPort: MEDUSA_PORTS.postgres }],
              volumeMounts: [
                { name: 'data', mountPath: '/var/lib/postgresql/data' },
                { name: 'run', mountPath: '/var/run/postgresql' },
                { name: 'tmp', mountPath: '/tmp' },
              ],
              readinessProbe: { exec: { command: ['sh', '-c', READY] }, periodSeconds: 5, timeoutSeconds: 5 },
              livenessProbe: {
                exec: { command: ['sh', '-c', READY] },
                initialDelaySeconds: 30,
                periodSeconds: 10,
                timeoutSeconds: 5,
                failureThreshold: 6,
              },
              resources: MEDUSA_RESOURCES.postgres,
              securityContext: RESTRICTED_CONTAINER,
              terminationMessagePolicy: TAIL_ON_ERROR,
            },
          ],
          volumes: [
            { name: 'data', persistentVolumeClaim: { claimName: MEDUSA_NAMES.postgresPvc } },
            { name: 'run', emptyDir: {} },
            { name: 'tmp', emptyDir: {} },
          ],
        },
      },
    },
  };
}

export function buildRedisDeployment(ctx: StoreContext): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: medusaMeta(ctx, MEDUSA_NAMES.redis, MEDUSA_COMPONENT.redis),
    spec: {
      replicas: 1,
      selector: { matchLabels: medusaSelector(MEDUSA_COMPONENT.redis) },
      template: {
        metadata: { labels: medusaLabels(ctx, MEDUSA_COMPONENT.redis) },
        spec: {
          ...POD_DEFAULTS,
          securityContext: nonRootPodSecurity(REDIS_UID),
          containers: [
            {
              name: 'redis',
              image: medusaImageRef('redis', ctx.imageRegistry),
              args: ['--save', '', '--appendonly', 'no'],
              ports: [{ name: 'redis', containerPort: MEDUSA_PORTS.redis }],
              volumeMounts: [{ name: 'data', mountPath: '/data' }],
              readinessProbe: {
                exec: { command: ['redis-cli', 'ping'] },
                periodSeconds: 5,
                timeoutSeconds: 3,
              },
              livenessProbe: { tcpSocket: { port: 'redis' }, initialDelaySeconds: 15, periodSeconds: 10 },
              resources: MEDUSA_RESOURCES.redis,
              securityContext: RESTRICTED_CONTAINER,
              terminationMessagePolicy: TAIL_ON_ERROR,
            },
          ],
          volumes: [{ name: 'data', emptyDir: {} }],
        },
      },
    },
  };
}

export function service(
  ctx: StoreContext,
  name: string,
  component: MedusaComponent,
  port: number,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: medusaMeta(ctx, name, component),
    spec: {
      type: 'ClusterIP',
      selector: medusaSelector(component),
      ports: [{ name: 'tcp', port, targetPort: port, protocol: 'TCP' }],
    },
  };
}
