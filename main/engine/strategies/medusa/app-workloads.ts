// The Medusa server (API + admin at /app) and the storefront. Each installs its part of the
// template in an init container (bin/install.sh: npm ci from the lockfile, then for the server
// `medusa build`); the server's install lives on its volume, so a restart reuses it, and the
// storefront's small install goes to an emptyDir.
import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import {
  APP_DIR,
  MEDUSA_COMPONENT,
  MEDUSA_NAMES,
  MEDUSA_PORTS,
  MEDUSA_PVC,
  MEDUSA_RESOURCES,
  NODE_UID,
  TEMPLATE_DIR,
  type MedusaComponent,
  medusaImageRef,
} from './medusa-facts';
import { NODE_TOOLING_ENV, medusaEnv, serverUrl } from './medusa-env';
import { claim } from './data-stores';
import { nonRootPodSecurity } from '../non-root-pod';
import { MEDUSA_LABELS, RESTRICTED_CONTAINER, TAIL_ON_ERROR } from './object-meta';
import { singleReplica } from '../single-replica';
import { TEMPLATE_HASH, templateVolume } from './template-config-map';

/** On the pod templates: a new template version rolls the pods (and re-runs the install). */
export const TEMPLATE_HASH_ANNOTATION = 'storedeck.dev/template-hash';

const templateMount = { name: 'template', mountPath: TEMPLATE_DIR, readOnly: true };
const tmpMount = { name: 'tmp', mountPath: '/tmp' };
const script = (name: string, ...args: string[]) => ['sh', `${TEMPLATE_DIR}/bin/${name}`, ...args];

/** A container of the Node image: restricted, and keeping its last log lines when it fails. */
function nodeContainer(ctx: StoreContext, container: Record<string, unknown>): Record<string, unknown> {
  return {
    ...container,
    image: medusaImageRef('node', ctx.imageRegistry),
    securityContext: RESTRICTED_CONTAINER,
    terminationMessagePolicy: TAIL_ON_ERROR,
  };
}

/** The Deployment both apps are: the Node image's user, the template's hash on the pod (a new version rolls it). */
function appDeployment(
  ctx: StoreContext,
  name: string,
  component: MedusaComponent,
  pod: { initContainers: unknown[]; containers: unknown[]; volumes: unknown[] },
  spec?: Record<string, unknown>,
): KubeObject {
  return singleReplica(ctx, MEDUSA_LABELS, {
    kind: 'Deployment',
    name,
    component,
    annotations: { [TEMPLATE_HASH_ANNOTATION]: TEMPLATE_HASH },
    ...(spec ? { spec } : {}),
    pod: { securityContext: nonRootPodSecurity(NODE_UID), ...pod },
  });
}

export function buildAppClaim(ctx: StoreContext): KubeObject {
  return claim(ctx, MEDUSA_NAMES.serverPvc, MEDUSA_COMPONENT.server, MEDUSA_PVC.app);
}

export function buildServerDeployment(ctx: StoreContext): KubeObject {
  const env = medusaEnv(ctx);
  const mounts = [templateMount, { name: 'app', mountPath: APP_DIR }, tmpMount];
  return appDeployment(
    ctx,
    MEDUSA_NAMES.server,
    MEDUSA_COMPONENT.server,
    {
      initContainers: [
        nodeContainer(ctx, {
          name: 'install',
          command: script('install.sh', 'server', TEMPLATE_DIR, APP_DIR),
          env: NODE_TOOLING_ENV,
          volumeMounts: mounts,
          resources: MEDUSA_RESOURCES.install,
        }),
        nodeContainer(ctx, {
          name: 'migrate',
          command: script('migrate.sh', APP_DIR),
          env,
          volumeMounts: mounts,
          resources: MEDUSA_RESOURCES.server,
        }),
      ],
      containers: [
        nodeContainer(ctx, {
          name: 'server',
          command: script('start.sh', APP_DIR),
          env: [...env, { name: 'PORT', value: String(MEDUSA_PORTS.server) }],
          ports: [{ name: 'http', containerPort: MEDUSA_PORTS.server }],
          volumeMounts: mounts,
          readinessProbe: {
            httpGet: { path: '/health', port: 'http' },
            periodSeconds: 5,
            timeoutSeconds: 5,
            failureThreshold: 3,
          },
          // Loading ~60 modules takes a while on a small node: allow it before liveness counts.
          startupProbe: {
            httpGet: { path: '/health', port: 'http' },
            periodSeconds: 5,
            failureThreshold: 60,
          },
          livenessProbe: {
            tcpSocket: { port: 'http' },
            periodSeconds: 20,
            timeoutSeconds: 5,
            failureThreshold: 6,
          },
          resources: MEDUSA_RESOURCES.server,
        }),
      ],
      volumes: [
        templateVolume('server'),
        { name: 'app', persistentVolumeClaim: { claimName: MEDUSA_NAMES.serverPvc } },
        { name: 'tmp', emptyDir: {} },
      ],
    },
    // The ReadWriteOnce app volume cannot be mounted by a second pod on another node.
    { strategy: { type: 'Recreate' } },
  );
}

export function buildStorefrontDeployment(ctx: StoreContext): KubeObject {
  const mounts = [templateMount, { name: 'storefront', mountPath: '/storefront' }, tmpMount];
  return appDeployment(ctx, MEDUSA_NAMES.storefront, MEDUSA_COMPONENT.storefront, {
    initContainers: [
      nodeContainer(ctx, {
        name: 'install',
        command: script('install.sh', 'storefront', TEMPLATE_DIR, '/storefront'),
        env: NODE_TOOLING_ENV,
        volumeMounts: mounts,
        resources: MEDUSA_RESOURCES.storefront,
      }),
    ],
    containers: [
      nodeContainer(ctx, {
        name: 'storefront',
        command: ['node', '/storefront/server.mjs'],
        env: [
          { name: 'MEDUSA_BACKEND_URL', value: serverUrl },
          { name: 'PORT', value: String(MEDUSA_PORTS.storefront) },
        ],
        ports: [{ name: 'http', containerPort: MEDUSA_PORTS.storefront }],
        volumeMounts: mounts,
        // Ready once the server hands out a publishable key and region (setup made them).
        readinessProbe: {
          httpGet: { path: '/healthz', port: 'http' },
          periodSeconds: 5,
          timeoutSeconds: 10,
          failureThreshold: 3,
        },
        livenessProbe: { tcpSocket: { port: 'http' }, initialDelaySeconds: 10, periodSeconds: 20 },
        resources: MEDUSA_RESOURCES.storefront,
      }),
    ],
    volumes: [
      templateVolume('storefront'),
      { name: 'storefront', emptyDir: {} },
      { name: 'tmp', emptyDir: {} },
    ],
  });
}
