// The WP-CLI Jobs (setup and password reset). Both mount the ReadWriteOnce wordpress-data volume,
// so both are pinned to the node the WordPress pod runs on.
import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import {
  ADMIN_USER,
  COMPONENT,
  JOB_RESOURCES,
  OBJECT_NAMES,
  RESET_JOB,
  SECRET_KEYS,
  SETUP_JOB,
  WOOCOMMERCE_VERSION,
  WWW_DATA_UID,
  imageRef,
  type Component,
} from './woocommerce-facts';
import { labelsFor, objectMeta } from './object-meta';
import { phpIniMount, phpIniVolume } from './php-config';
import { CONTAINER_SECURITY, POD_DEFAULTS, nonRootPodSecurity } from './pod-security';
import { PASSWORD_RESET_SCRIPT, SCRIPT_ENV, SETUP_SCRIPT } from './setup-script';
import { fromSecret, type EnvVar } from '../env-var';
import { pinToNode, storeJob, type JobPolicy } from '../store-job';
import { wordpressConfigEnv } from './wp-env';

const HOME = '/home/wp-cli';
const HTML = '/var/www/html';

interface JobSpec {
  name: string;
  component: Component;
  script: string;
  env: EnvVar[];
  policy: JobPolicy;
}

/** The WP-CLI container and volumes every WP-CLI pod shares (jobs and the console pod). */
export function wpCliPodSpec(
  ctx: StoreContext,
  nodeName: string | null,
  command: string[],
  env: EnvVar[],
): Record<string, unknown> {
  return {
    ...POD_DEFAULTS,
    // uid/gid 33 is www-data of the Apache image that owns the shared files; the CLI
    // image's own www-data (82) could not write plugins there.
    securityContext: nonRootPodSecurity(WWW_DATA_UID),
    ...pinToNode(nodeName),
    containers: [
      {
        name: 'wp-cli',
        image: imageRef('wpCli', ctx.imageRegistry),
        command,
        workingDir: HTML,
        env: [
          ...wordpressConfigEnv(),
          { name: SCRIPT_ENV.path, value: HTML },
          // WP-CLI writes its cache under HOME; uid 33 has no home in the Alpine image.
          { name: 'HOME', value: HOME },
          ...env,
        ],
        volumeMounts: [{ name: 'html', mountPath: HTML }, { name: 'home', mountPath: HOME }, phpIniMount],
        resources: JOB_RESOURCES,
        securityContext: CONTAINER_SECURITY,
      },
    ],
    volumes: [
      { name: 'html', persistentVolumeClaim: { claimName: OBJECT_NAMES.wordpressPvc } },
      { name: 'home', emptyDir: {} },
      phpIniVolume,
    ],
  };
}

function wpCliJob(ctx: StoreContext, nodeName: string | null, job: JobSpec): KubeObject {
  return storeJob(
    objectMeta(ctx, job.name, job.component),
    labelsFor(ctx, job.component),
    job.policy,
    wpCliPodSpec(ctx, nodeName, ['/bin/sh', '-c', job.script], job.env),
  );
}

const adminEnv = (ctx: StoreContext): EnvVar[] => [
  { name: SCRIPT_ENV.adminUser, value: ADMIN_USER },
  fromSecret(SCRIPT_ENV.adminPassword, OBJECT_NAMES.wordpressSecret, SECRET_KEYS.adminPassword),
  { name: SCRIPT_ENV.adminEmail, value: ctx.adminEmail },
];

export function buildSetupJob(ctx: StoreContext, nodeName: string | null): KubeObject {
  return wpCliJob(ctx, nodeName, {
    name: OBJECT_NAMES.setupJob,
    component: COMPONENT.setup,
    script: SETUP_SCRIPT,
    policy: SETUP_JOB,
    env: [
      { name: SCRIPT_ENV.url, value: ctx.origin },
      { name: SCRIPT_ENV.title, value: ctx.name },
      ...adminEnv(ctx),
      { name: SCRIPT_ENV.wooVersion, value: WOOCOMMERCE_VERSION },
    ],
  });
}

export function buildPasswordResetJob(
  ctx: StoreContext,
  nodeName: string | null,
  jobName: string,
): KubeObject {
  return wpCliJob(ctx, nodeName, {
    name: jobName,
    component: COMPONENT.passwordReset,
    script: PASSWORD_RESET_SCRIPT,
    policy: RESET_JOB,
    env: adminEnv(ctx),
  });
}
