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

export interface ContainerResources {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

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
export const UPLOAD_LIMIT_MIB = 50;

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
