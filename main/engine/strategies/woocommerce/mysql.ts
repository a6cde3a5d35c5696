import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import {
  COMPONENT,
  DATABASE,
  MYSQL_RESOURCES,
  MYSQL_STARTUP,
  MYSQL_UID,
  OBJECT_NAMES,
  SECRET_KEYS,
  imageRef,
} from './woocommerce-facts';
import { WOOCOMMERCE_LABELS, objectMeta, podSelector } from './object-meta';
import { singleReplica } from '../single-replica';
import { CONTAINER_SECURITY, nonRootPodSecurity } from './pod-security';
import { fromSecret } from '../env-var';

// Readiness over TCP as the app user: the image's first-start init runs a socket-only server,
// so this passes only once the real server is up with the database and user created.
const READY_QUERY =
  'MYSQL_PWD="$MYSQL_PASSWORD" mysql -h 127.0.0.1 -u "$MYSQL_USER" -e "SELECT 1" "$MYSQL_DATABASE"';

export function buildMysqlDeployment(ctx: StoreContext): KubeObject {
  return singleReplica(ctx, WOOCOMMERCE_LABELS, {
    kind: 'Deployment',
    name: OBJECT_NAMES.mysql,
    component: COMPONENT.mysql,
    // Two MySQL servers must never share one data directory (and the volume is ReadWriteOnce).
    spec: { strategy: { type: 'Recreate' } },
    pod: {
      securityContext: nonRootPodSecurity(MYSQL_UID),
      containers: [
        {
          name: 'mysql',
          image: imageRef('mysql', ctx.imageRegistry),
          env: [
            fromSecret('MYSQL_ROOT_PASSWORD', OBJECT_NAMES.mysqlSecret, SECRET_KEYS.mysqlRootPassword),
            { name: 'MYSQL_DATABASE', value: DATABASE.name },
            { name: 'MYSQL_USER', value: DATABASE.user },
            fromSecret('MYSQL_PASSWORD', OBJECT_NAMES.mysqlSecret, SECRET_KEYS.mysqlPassword),
          ],
          ports: [{ name: 'mysql', containerPort: DATABASE.port }],
          // A subdirectory: a fresh ext4 volume's lost+found would make MySQL refuse to initialise.
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql', subPath: 'mysql' }],
          // The same TCP query: a socket-only init server cannot pass it, so liveness waits for the real one.
          startupProbe: {
            exec: { command: ['sh', '-c', READY_QUERY] },
            periodSeconds: MYSQL_STARTUP.periodSeconds,
            timeoutSeconds: 5,
            failureThreshold: MYSQL_STARTUP.failureThreshold,
          },
          readinessProbe: {
            exec: { command: ['sh', '-c', READY_QUERY] },
            initialDelaySeconds: 5,
            periodSeconds: 5,
            timeoutSeconds: 5,
            failureThreshold: 3,
          },
          // mysqladmin ping exits 0 whenever the server answers (even "access denied"), via the socket.
          livenessProbe: {
            exec: { command: ['mysqladmin', 'ping', '--silent'] },
            periodSeconds: 10,
            timeoutSeconds: 5,
            failureThreshold: 6,
          },
          resources: MYSQL_RESOURCES,
          securityContext: CONTAINER_SECURITY,
        },
      ],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: OBJECT_NAMES.mysqlPvc } }],
    },
  });
}

export function buildMysqlService(ctx: StoreContext): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: objectMeta(ctx, OBJECT_NAMES.mysql, COMPONENT.mysql),
    spec: {
      type: 'ClusterIP',
      selector: podSelector(COMPONENT.mysql),
      ports: [{ name: 'mysql', port: DATABASE.port, targetPort: 'mysql', protocol: 'TCP' }],
    },
  };
}
