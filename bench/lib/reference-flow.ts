// The reference design's provisioning, rebuilt from the same builders and client as the engine
// for the baselines: every object created with "ignore 409", one at a time, MySQL created and
// awaited, then WordPress created and awaited, then the setup Job (not pinned) and its wait,
// then Ingress and NetworkPolicy, then the SQLite row set Ready. Waiting is pluggable.
import type { KubernetesObject } from '@kubernetes/client-node';
import type { Store } from '../../preload/contract';
import type { KubeClient } from '../../main/kube/client';
import { isConflict } from '../../main/kube/errors';
import { toModel } from '../../main/kube/wire';
import type { StoresRepo } from '../../main/state/stores.repo';
import { OBJECT_NAMES } from '../../main/engine/strategies/woocommerce/woocommerce-facts';
import type { KubeObject } from '../../main/kube/kube-object';
import type { StoreContext } from '../../main/engine/strategies/strategy';
import { buildIngress } from '../../main/engine/strategies/woocommerce/ingress';
import { buildSetupJob } from '../../main/engine/strategies/woocommerce/jobs';
import { buildMysqlDeployment, buildMysqlService } from '../../main/engine/strategies/woocommerce/mysql';
import { buildNamespace } from '../../main/engine/strategies/woocommerce/namespace';
import {
  buildNetworkPolicy,
  buildSetupEgressPolicy,
} from '../../main/engine/strategies/woocommerce/network-policy';
import { buildPhpConfig } from '../../main/engine/strategies/woocommerce/php-config';
import { buildLimitRange, buildQuota } from '../../main/engine/strategies/woocommerce/quota';
import { buildSecrets, newSecretMaterial } from '../../main/engine/strategies/woocommerce/secrets';
import { buildVolumeClaims } from '../../main/engine/strategies/woocommerce/storage';
import {
  buildWordpressDeployment,
  buildWordpressService,
} from '../../main/engine/strategies/woocommerce/wordpress';
import type { ReferenceWaiter } from './reference-waiters';

type Wait = { deployment: string } | { job: string };

interface Phase {
  objects: KubeObject[];
  then?: Wait;
}

/** The reference's order: each phase's objects created one by one, then its wait. */
export function referencePhases(ctx: StoreContext): Phase[] {
  const [mysqlPvc, wordpressPvc] = buildVolumeClaims(ctx) as [KubeObject, KubeObject];
  return [
    { objects: [buildNamespace(ctx)] },
    { objects: buildSecrets(ctx, newSecretMaterial()) },
    // The PHP ini ConfigMap WordPress mounts (the workloads' hardening added it; the reference
    // would have created it with the other namespace-wide objects).
    { objects: [buildQuota(ctx), buildLimitRange(ctx), buildPhpConfig(ctx)] },
    {
      objects: [mysqlPvc, buildMysqlDeployment(ctx), buildMysqlService(ctx)],
      then: { deployment: OBJECT_NAMES.mysql },
    },
    {
      objects: [wordpressPvc, buildWordpressDeployment(ctx), buildWordpressService(ctx)],
      then: { deployment: OBJECT_NAMES.wordpress },
    },
    // The reference did not pin the Job to the WordPress pod's node.
    { objects: [buildSetupJob(ctx, null)], then: { job: OBJECT_NAMES.setupJob } },
    { objects: [buildIngress(ctx), buildNetworkPolicy(ctx), buildSetupEgressPolicy(ctx)] },
  ];
}

export interface ReferenceOutcome {
  store: Store;
  created: number;
  /** Creates answered 409 AlreadyExists and skipped. */
  conflicts: number;
}

/** POST the object; a 409 means it exists and is skipped, whatever its contents (the reference's idempotency). */
export async function createIgnoringConflict(
  client: KubeClient,
  obj: KubeObject,
): Promise<'created' | 'exists'> {
  try {
    await client.objects.create(toModel(obj) as KubernetesObject);
    return 'created';
  } catch (error) {
    if (isConflict(error)) return 'exists';
    throw error;
  }
}

/** One run of the reference flow for a store (a re-run is the reference's retry: 409s skipped, waits re-checked). */
export async function referenceProvision(
  client: KubeClient,
  waiter: ReferenceWaiter,
  stores: StoresRepo,
  ctx: StoreContext,
  context: string,
): Promise<ReferenceOutcome> {
  if (!stores.get(ctx.id)) {
    const inserted = stores.insert({
      id: ctx.id,
      name: ctx.name,
      slug: ctx.slug,
      namespace: ctx.namespace,
      plan: 'woocommerce',
      context,
      adminEmail: ctx.adminEmail,
      status: 'Provisioning',
    });
    if (!inserted.ok) throw new Error(`reference flow: ${inserted.error.message}`);
  }
  let created = 0;
  let conflicts = 0;
  for (const phase of referencePhases(ctx)) {
    for (const obj of phase.objects) {
      if ((await createIgnoringConflict(client, obj)) === 'created') created += 1;
      else conflicts += 1;
    }
    if (phase.then && 'deployment' in phase.then)
      await waiter.deploymentReady(client, ctx.namespace, phase.then.deployment);
    else if (phase.then) await waiter.jobComplete(client, ctx.namespace, phase.then.job);
  }
  const url = `http://${ctx.host}/`;
  const store = stores.setStatus(ctx.id, 'Ready', {
    url,
    adminUrl: `${url}wp-admin/`,
    provisionedAt: new Date().toISOString(),
  });
  if (!store) throw new Error(`reference flow: store row ${ctx.id} disappeared`);
  return { store, created, conflicts };
}
