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

/** Setup Job retry policy (pods are kept on failure so their logs can explain it). */
export const SETUP_JOB = { backoffLimit: 3, ttlSecondsAfterFinished: 300 } as const;
export const RESET_JOB = { backoffLimit: 2, ttlSecondsAfterFinished: 300 } as const;

/** Body size for uploads (themes, plugins, media) where the ingress controller can set it. */
export const INGRESS_BODY_SIZE = '50m';
