// The setup and password-reset Jobs. Both run the built app from the server's ReadWriteOnce
// volume, so both are pinned to the node the server pod runs on (as WooCommerce's are).
import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import {
  APP_DIR,
  MEDUSA_COMPONENT,
  MEDUSA_NAMES,
  MEDUSA_RESET_JOB,
  MEDUSA_RESOURCES,
  MEDUSA_SETUP_JOB,
  NODE_UID,
  TEMPLATE_DIR,
  medusaImageRef,
  type MedusaComponent,
} from './medusa-facts';
import { adminEnv, medusaEnv, serverUrl, storefrontUrl } from './medusa-env';
import { POD_DEFAULTS, nonRootPodSecurity } from '../non-root-pod';
import type { EnvVar } from '../env-var';
import { pinToNode, storeJob, type JobPolicy } from '../store-job';
import { RESTRICTED_CONTAINER, medusaLabels, medusaMeta } from './object-meta';
import { templateVolume } from './template-config-map';

/** Setup, then a checkout through the storefront: the Job succeeds only if an order can be placed. */
const SETUP_COMMAND = `sh ${TEMPLATE_DIR}/bin/setup.sh ${APP_DIR} && node ${TEMPLATE_DIR}/bin/verify-checkout.mjs`;
const RESET_COMMAND = `sh ${TEMPLATE_DIR}/bin/set-password.sh ${APP_DIR}`;

interface JobSpec {
  name: string;
  component: MedusaComponent;
  command: string;
  env: EnvVar[];
  policy: JobPolicy;
}

function medusaJob(ctx: StoreContext, nodeName: string | null, job: JobSpec): KubeObject {
  return storeJob(medusaMeta(ctx, job.name, job.component), medusaLabels(ctx, job.component), job.policy, {
    ...POD_DEFAULTS,
    securityContext: nonRootPodSecurity(NODE_UID),
    ...pinToNode(nodeName),
    containers: [
      {
        name: 'medusa',
        image: medusaImageRef('node', ctx.imageRegistry),
        command: ['sh', '-c', job.command],
        env: [...medusaEnv(ctx), ...job.env],
        volumeMounts: [
          { name: 'template', mountPath: TEMPLATE_DIR, readOnly: true },
          { name: 'app', mountPath: APP_DIR },
          { name: 'tmp', mountPath: '/tmp' },
        ],
        resources: MEDUSA_RESOURCES.job,
        securityContext: RESTRICTED_CONTAINER,
      },
    ],
    volumes: [
      templateVolume('server'),
      { name: 'app', persistentVolumeClaim: { claimName: MEDUSA_NAMES.serverPvc } },
      { name: 'tmp', emptyDir: {} },
    ],
  });
}

export function buildMedusaSetupJob(ctx: StoreContext, nodeName: string | null): KubeObject {
  return medusaJob(ctx, nodeName, {
    name: MEDUSA_NAMES.setupJob,
    component: MEDUSA_COMPONENT.setup,
    command: SETUP_COMMAND,
    policy: MEDUSA_SETUP_JOB,
    env: [
      ...adminEnv(ctx),
      { name: 'STOREFRONT_URL', value: storefrontUrl },
      { name: 'MEDUSA_BACKEND_URL', value: serverUrl },
    ],
  });
}

export function buildMedusaPasswordResetJob(
  ctx: StoreContext,
  nodeName: string | null,
  jobName: string,
): KubeObject {
  return medusaJob(ctx, nodeName, {
    name: jobName,
    component: MEDUSA_COMPONENT.passwordReset,
    command: RESET_COMMAND,
    policy: MEDUSA_RESET_JOB,
    env: adminEnv(ctx),
  });
}
