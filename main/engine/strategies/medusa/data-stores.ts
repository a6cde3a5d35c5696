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
import {
  MEDUSA_LABELS,
  RESTRICTED_CONTAINER,
  TAIL_ON_ERROR,
  medusaMeta,
  medusaSelector,
} from './object-meta';
import { fromSecret } from '../env-var';
import { nonRootPodSecurity } from '../non-root-pod';
import { singleReplica } from '../single-replica';
import { volumeClaim } from '../store-wide-objects';

export function buildPostgresClaim(ctx: StoreContext): KubeObject {
  return claim(ctx, MEDUSA_NAMES.postgresPvc, MEDUSA_COMPONENT.postgres, MEDUSA_PVC.postgres);
}

export function claim(ctx: StoreContext, name: string, component: MedusaComponent, size: string): KubeObject {
  return volumeClaim(medusaMeta(ctx, name, component), size, ctx.storageClassName);
}

const READY = `pg_isready -h 127.0.0.1 -U ${MEDUSA_DATABASE.user} -d ${MEDUSA_DATABASE.name}`;

export function buildPostgresStatefulSet(ctx: StoreContext): KubeObject {
  return singleReplica(ctx, MEDUSA_LABELS, {
    kind: 'StatefulSet',
    name: MEDUSA_NAMES.postgres,
    component: MEDUSA_COMPONENT.postgres,
    spec: { serviceName: MEDUSA_NAMES.postgres },
    pod: {
      securityContext: nonRootPodSecurity(POSTGRES_UID),
      containers: [
        {
          name: 'postgres',
          image: medusaImageRef('postgres', ctx.imageRegistry),
          env: [
            { name: 'POSTGRES_DB', value: MEDUSA_DATABASE.name },
            { name: 'POSTGRES_USER', value: MEDUSA_DATABASE.user },
            fromSecret('POSTGRES_PASSWORD', MEDUSA_NAMES.databaseSecret, MEDUSA_SECRET_KEYS.postgresPassword),
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
  });
}

export function buildRedisDeployment(ctx: StoreContext): KubeObject {
  return singleReplica(ctx, MEDUSA_LABELS, {
    kind: 'Deployment',
    name: MEDUSA_NAMES.redis,
    component: MEDUSA_COMPONENT.redis,
    pod: {
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
  });
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
