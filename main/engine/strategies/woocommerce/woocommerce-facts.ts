// Every fact of the WooCommerce plan in one place: object names, Secret keys, component labels,
// pinned images and sizes. The builders, diagnosis, chart parity test and the UI's component
// list all read these; the generic engine knows none of them.
import type { ContainerResources } from '../../../kube/kube-object';
import { COMMON_COMPONENTS } from '../../model/labels';
import { withRegistry } from '../../model/image-ref';

export const PLAN = 'woocommerce' as const;

/** Fixed object names: a second reconcile pass finds what the first made instead of creating it twice. */
export const OBJECT_NAMES = {
  mysqlSecret: 'mysql-credentials',
  wordpressSecret: 'wordpress-secrets',
  quota: 'store-quota',
  limits: 'store-limits',
  mysqlPvc: 'mysql-data',
  wordpressPvc: 'wordpress-data',
  mysql: 'mysql',
  wordpress: 'wordpress',
  setupJob: 'woocommerce-setup',
  ingress: 'wordpress-ingress',
  networkPolicy: 'store-isolation',
  setupEgressPolicy: 'setup-egress',
  phpConfig: 'php-config',
} as const;

/** Keys inside the two Secrets (the one place they are spelled). */
export const SECRET_KEYS = {
  mysqlRootPassword: 'mysql-root-password',
  mysqlPassword: 'mysql-password',
  adminPassword: 'admin-password',
} as const;

/** The 8 WordPress keys and salts: Secret key → the env var the official image reads. */
export const WP_SALT_KEYS = [
  ['auth-key', 'WORDPRESS_AUTH_KEY'],
  ['secure-auth-key', 'WORDPRESS_SECURE_AUTH_KEY'],
  ['logged-in-key', 'WORDPRESS_LOGGED_IN_KEY'],
  ['nonce-key', 'WORDPRESS_NONCE_KEY'],
  ['auth-salt', 'WORDPRESS_AUTH_SALT'],
  ['secure-auth-salt', 'WORDPRESS_SECURE_AUTH_SALT'],
  ['logged-in-salt', 'WORDPRESS_LOGGED_IN_SALT'],
  ['nonce-salt', 'WORDPRESS_NONCE_SALT'],
] as const;

export const DATABASE = { name: 'wordpress', user: 'wordpress', port: 3306 } as const;
export const ADMIN_USER = 'admin';
export const HTTP_PORT = 80;

/** Component label values; the log picker, health and restarts name pods by these. */
export const COMPONENT = {
  ...COMMON_COMPONENTS,
  mysql: 'mysql',
  wordpress: 'wordpress',
  wpConsole: 'wp-console',
} as const;
export type Component = (typeof COMPONENT)[keyof typeof COMPONENT];

/** app.kubernetes.io/name per component: the software the object belongs to. */
export const APP_NAME: Record<Component, string> = {
  store: 'woocommerce-store',
  mysql: 'mysql',
  wordpress: 'wordpress',
  setup: 'wp-cli',
  'password-reset': 'wp-cli',
  'wp-console': 'wp-cli',
};

// Pinned images (tags checked against Docker Hub's official images): a store made today and one
// made next month run the same software, and a registry mirror can hold exactly these.
export const IMAGES = {
  /** MySQL 8.4 LTS. */
  mysql: 'mysql:8.4.10',
  /** Debian + Apache, runs as www-data uid 33. */
  wordpress: 'wordpress:6.9.4-php8.3-apache',
  /** Alpine WP-CLI image (its own www-data is uid 82, hence the Job's runAsUser 33). */
  wpCli: 'wordpress:cli-2.12.0-php8.3',
} as const;
export type ImageName = keyof typeof IMAGES;

/** WooCommerce installed by the setup Job, pinned like the images; its "Requires at least" (6.8) fits the pinned WordPress. */
export const WOOCOMMERCE_VERSION = '10.7.0';

/** Image reference with an optional registry prefix, e.g. "registry.local:5000/mysql:8.4.10". */
export function imageRef(image: ImageName, registry: string | null): string {
  return withRegistry(IMAGES[image], registry);
}

// Sizes of one store. The quota caps what a store can take from a shared cluster; the container
// budgets below fit inside it with room for one setup or password-reset Job at a time.
export const STORE_QUOTA = {
  'requests.cpu': '2',
  'limits.cpu': '2',
  'requests.memory': '2Gi',
  'limits.memory': '2Gi',
  pods: '10',
  persistentvolumeclaims: '4',
} as const;

export const CONTAINER_LIMITS = {
  default: { cpu: '500m', memory: '512Mi' },
  defaultRequest: { cpu: '100m', memory: '256Mi' },
} as const;

export const PVC_MAX = '5Gi';
export const PVC_SIZE = '1Gi';

/** MySQL 8.4 idles near 450Mi (128Mi buffer pool + performance_schema): 512Mi would OOM under load. */
export const MYSQL_RESOURCES: ContainerResources = {
  requests: { cpu: '100m', memory: '256Mi' },
  limits: { cpu: '500m', memory: '768Mi' },
};

export const WORDPRESS_RESOURCES: ContainerResources = {
  requests: { cpu: '100m', memory: '256Mi' },
  limits: { cpu: '500m', memory: '512Mi' },
};

export const JOB_RESOURCES: ContainerResources = {
  requests: { cpu: '100m', memory: '256Mi' },
  limits: { cpu: '500m', memory: '512Mi' },
};

/** uid/gid of www-data in the Debian-based Apache WordPress image (the Alpine CLI image uses 82). */
export const WWW_DATA_UID = 33;

/** uid/gid of the mysql user the official MySQL image creates (groupadd/useradd --gid/--uid 999). */
export const MYSQL_UID = 999;

/** Setup Job retry policy (pods are kept on failure so their logs can explain it). */
export const SETUP_JOB = { backoffLimit: 3, ttlSecondsAfterFinished: 300 } as const;
export const RESET_JOB = { backoffLimit: 2, ttlSecondsAfterFinished: 300 } as const;

/**
 * Largest upload (themes, plugins, media) in MiB: the one number behind the ingress body size
 * and PHP's upload_max_filesize/post_max_size, so neither refuses what the other lets through.
 */
const UPLOAD_LIMIT_MIB = 50;

/** Body size for uploads where the ingress controller can set it (ingress-nginx quantity syntax). */
export const INGRESS_BODY_SIZE = `${UPLOAD_LIMIT_MIB}m`;

/** PHP settings for WordPress and the WP-CLI jobs (WooCommerce asks for a 256M memory_limit). */
export const PHP_SETTINGS = {
  memory_limit: '256M',
  upload_max_filesize: `${UPLOAD_LIMIT_MIB}M`,
  post_max_size: `${UPLOAD_LIMIT_MIB}M`,
} as const;

/**
 * First start of MySQL 8.4 initialises the data dir, runs a socket-only server to create the
 * database and user, then restarts: tens of seconds on a laptop, minutes on a slow disk. The
 * startup probe allows 10 minutes before liveness may restart it mid-initialisation.
 */
export const MYSQL_STARTUP = { periodSeconds: 10, failureThreshold: 60 } as const;
