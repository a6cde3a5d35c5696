import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import {
  COMPONENT,
  HTTP_PORT,
  OBJECT_NAMES,
  WORDPRESS_RESOURCES,
  WWW_DATA_UID,
  imageRef,
} from './woocommerce-facts';
import { WOOCOMMERCE_LABELS, objectMeta, podSelector } from './object-meta';
import { singleReplica } from '../single-replica';
import { PHP_INI_HASH_ANNOTATION, PHP_INI_SHA256, phpIniMount, phpIniVolume } from './php-config';
import { CONTAINER_SECURITY, UNPRIVILEGED_HTTP_PORT_SYSCTL, nonRootPodSecurity } from './pod-security';
import { wordpressConfigEnv } from './wp-env';

/**
 * WP-Cron and Action Scheduler call the site's own URL from inside the pod. The store host is
 * pinned to 127.0.0.1, the Apache of this very pod (it serves WordPress for any Host header):
 * no DNS (<slug>.localhost means nothing to the cluster's DNS, and a remote base domain would
 * leave the cluster), no NetworkPolicy in the way (loopback is never filtered), no hairpin
 * through our own Service, whose ClusterIP is not even known when this Deployment is built.
 * The ingress controller's address would work only from outside the egress policy.
 * Known limit: a store URL with a port (ingress not on host port 80) sends these calls to that
 * port, where this Apache does not listen, so WP-Cron's loopback spawn fails until Apache listens there too.
 */
function selfHostAliases(ctx: StoreContext): Array<{ ip: string; hostnames: string[] }> {
  return [{ ip: '127.0.0.1', hostnames: [ctx.host] }];
}

export function buildWordpressDeployment(ctx: StoreContext): KubeObject {
  return singleReplica(ctx, WOOCOMMERCE_LABELS, {
    kind: 'Deployment',
    name: OBJECT_NAMES.wordpress,
    component: COMPONENT.wordpress,
    // The ReadWriteOnce volume cannot be mounted by a new pod on another node while the old one runs.
    spec: { strategy: { type: 'Recreate' } },
    annotations: { [PHP_INI_HASH_ANNOTATION]: PHP_INI_SHA256 },
    pod: {
      securityContext: {
        ...nonRootPodSecurity(WWW_DATA_UID),
        sysctls: [UNPRIVILEGED_HTTP_PORT_SYSCTL],
      },
      hostAliases: selfHostAliases(ctx),
      containers: [
        {
          name: 'wordpress',
          image: imageRef('wordpress', ctx.imageRegistry),
          env: wordpressConfigEnv(),
          ports: [{ name: 'http', containerPort: HTTP_PORT }],
          volumeMounts: [{ name: 'html', mountPath: '/var/www/html' }, phpIniMount],
          // Runs PHP and reaches the database (a 302 to the installer counts as ready).
          readinessProbe: {
            httpGet: { path: '/wp-login.php', port: 'http' },
            initialDelaySeconds: 5,
            periodSeconds: 5,
            timeoutSeconds: 5,
            failureThreshold: 3,
          },
          // Only Apache itself: a database outage must not restart WordPress in a loop.
          livenessProbe: {
            tcpSocket: { port: 'http' },
            initialDelaySeconds: 30,
            periodSeconds: 20,
            timeoutSeconds: 5,
            failureThreshold: 6,
          },
          resources: WORDPRESS_RESOURCES,
          securityContext: CONTAINER_SECURITY,
        },
      ],
      volumes: [
        { name: 'html', persistentVolumeClaim: { claimName: OBJECT_NAMES.wordpressPvc } },
        phpIniVolume,
      ],
    },
  });
}

export function buildWordpressService(ctx: StoreContext): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: objectMeta(ctx, OBJECT_NAMES.wordpress, COMPONENT.wordpress),
    spec: {
      type: 'ClusterIP',
      selector: podSelector(COMPONENT.wordpress),
      ports: [{ name: 'http', port: HTTP_PORT, targetPort: 'http', protocol: 'TCP' }],
    },
  };
}
