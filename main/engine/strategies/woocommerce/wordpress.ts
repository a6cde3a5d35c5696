import type { KubeObject, StoreContext } from '../strategy';
import {
  COMPONENT,
  HTTP_PORT,
  OBJECT_NAMES,
  WORDPRESS_RESOURCES,
  imageRef,
  podSelector,
} from '../../store-model';
import { labelsFor, objectMeta } from './object-meta';
import { wordpressConfigEnv } from './wp-env';

export function buildWordpressDeployment(ctx: StoreContext): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: objectMeta(ctx, OBJECT_NAMES.wordpress, COMPONENT.wordpress),
    spec: {
      replicas: 1,
      // The ReadWriteOnce volume cannot be mounted by a new pod on another node while the old one runs.
      strategy: { type: 'Recreate' },
      selector: { matchLabels: podSelector(COMPONENT.wordpress) },
      template: {
        metadata: { labels: labelsFor(ctx, COMPONENT.wordpress) },
        spec: {
          enableServiceLinks: false,
          containers: [
            {
              name: 'wordpress',
              image: imageRef('wordpress', ctx.imageRegistry),
              env: wordpressConfigEnv(),
              ports: [{ name: 'http', containerPort: HTTP_PORT }],
              volumeMounts: [{ name: 'html', mountPath: '/var/www/html' }],
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
            },
          ],
          volumes: [{ name: 'html', persistentVolumeClaim: { claimName: OBJECT_NAMES.wordpressPvc } }],
        },
      },
    },
  };
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
