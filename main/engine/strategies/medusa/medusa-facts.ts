// Every fact of the MedusaJS plan in one place: object names, Secret keys, images, ports,
// sizes and the component labels. The builders, diagnosis, chart parity test and the UI's
// component list all read these.
import type { ContainerResources } from '../../../kube/kube-object';
import { COMMON_COMPONENTS } from '../../model/labels';
import { withRegistry } from '../../model/image-ref';

export const PLAN = 'medusa' as const;

export const MEDUSA_NAMES = {
  databaseSecret: 'postgres-credentials',
  appSecret: 'medusa-secrets',
  quota: 'store-quota',
  limits: 'store-limits',
  networkPolicy: 'store-isolation',
  templateConfigMap: 'medusa-template',
  postgres: 'postgres',
  postgresPvc: 'postgres-data',
  redis: 'redis',
  server: 'medusa-server',
  serverPvc: 'medusa-app',
  storefront: 'storefront',
  ingress: 'medusa-ingress',
  setupJob: 'medusa-setup',
} as const;

export const MEDUSA_SECRET_KEYS = {
  postgresPassword: 'postgres-password',
  jwtSecret: 'jwt-secret',
  cookieSecret: 'cookie-secret',
  adminPassword: 'admin-password',
} as const;

/** Component label values (the log picker, health and restarts name pods by these). */
export const MEDUSA_COMPONENT = {
  ...COMMON_COMPONENTS,
  postgres: 'postgres',
  redis: 'redis',
  server: 'server',
  storefront: 'storefront',
} as const;
export type MedusaComponent = (typeof MEDUSA_COMPONENT)[keyof typeof MEDUSA_COMPONENT];

/** app.kubernetes.io/name per component: the software the object belongs to. */
export const MEDUSA_APP_NAME: Record<MedusaComponent, string> = {
  store: 'medusa-store',
  postgres: 'postgres',
  redis: 'redis',
  server: 'medusa',
  storefront: 'medusa-storefront',
  setup: 'medusa',
  'password-reset': 'medusa',
};

/**
 * Official Docker Hub images, pinned. The Node image runs both the Medusa server and the
 * storefront: the code itself comes from the template ConfigMap + the npm registry.
 */
export const MEDUSA_IMAGES = {
  postgres: 'postgres:16.4-alpine',
  redis: 'redis:7.4.1-alpine',
  /** Medusa 2.21 needs Node ^20.19 || >=22.12. */
  node: 'node:22.12.0-bookworm-slim',
} as const;
export type MedusaImage = keyof typeof MEDUSA_IMAGES;

export function medusaImageRef(image: MedusaImage, registry: string | null): string {
  return withRegistry(MEDUSA_IMAGES[image], registry);
}

export const MEDUSA_PORTS = { postgres: 5432, redis: 6379, server: 9000, storefront: 8000 } as const;
export const MEDUSA_DATABASE = { name: 'medusa', user: 'medusa' } as const;

/** uid/gid of the `node` user of the official Node image. */
export const NODE_UID = 1000;
/** uid/gid of the `postgres` user of the official Alpine PostgreSQL image. */
export const POSTGRES_UID = 70;
/** uid/gid of the `redis` user of the official Alpine Redis image. */
export const REDIS_UID = 999;

/** Where the app volume is mounted, and where the template ConfigMap is. */
export const APP_DIR = '/app';
export const TEMPLATE_DIR = '/template';

/**
 * Sizes from the real test (test/medusa-real, Node 20, measured with /usr/bin/time and
 * /proc/<pid>/status): `medusa build` (backend + admin) peaked at 1.73 GB resident, so the
 * install init container gets 2Gi; the server and the setup run stay well under 1Gi. The build
 * runs once per template version, in the server pod's init container, before the server starts.
 */
export const MEDUSA_RESOURCES = {
  postgres: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
  redis: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '250m', memory: '128Mi' } },
  install: { requests: { cpu: '500m', memory: '1536Mi' }, limits: { cpu: '2', memory: '2Gi' } },
  server: { requests: { cpu: '200m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
  storefront: { requests: { cpu: '50m', memory: '96Mi' }, limits: { cpu: '250m', memory: '192Mi' } },
  job: { requests: { cpu: '200m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
} satisfies Record<string, ContainerResources>;

/** The store's quota: the install init container (2Gi limit) plus everything else running. */
export const MEDUSA_QUOTA = {
  'requests.cpu': '3',
  'limits.cpu': '5',
  'requests.memory': '4Gi',
  'limits.memory': '5Gi',
  pods: '10',
  persistentvolumeclaims: '4',
} as const;

export const MEDUSA_CONTAINER_DEFAULTS = {
  default: { cpu: '250m', memory: '256Mi' },
  defaultRequest: { cpu: '50m', memory: '128Mi' },
} as const;

export const MEDUSA_PVC = { postgres: '2Gi', app: '3Gi', max: '5Gi' } as const;

export const MEDUSA_SETUP_JOB = { backoffLimit: 3, ttlSecondsAfterFinished: 300 } as const;
export const MEDUSA_RESET_JOB = { backoffLimit: 2, ttlSecondsAfterFinished: 300 } as const;

/** Server paths the Ingress routes to the Medusa server; everything else is the storefront. */
export const SERVER_PATHS = ['/store', '/auth', '/admin', '/app'] as const;
