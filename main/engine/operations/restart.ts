// Rollout restart, the way `kubectl rollout restart` does it: a strategic merge patch that
// stamps kubectl.kubernetes.io/restartedAt on the pod template, so the Deployment (or
// StatefulSet) rolls its pods. Which workloads: the plan's components, from its strategy.
//
// Why a patch under its own field manager and not the engine's SSA: the engine applies its
// objects as `storedeck` and never sets this annotation, so the annotation is owned by
// `storedeck-restart` alone; a later reconcile neither conflicts with it nor removes it, and
// the restart stamp survives (exactly as it survives kubectl apply after kubectl rollout restart).
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { err, ok, type RestartComponent, type Result } from '../../../preload/contract';
import type { KubeClient } from '../../kube/client';
import { KINDS } from '../../kube/kinds';
import { SIDE_FIELD_MANAGERS } from '../../kube/field-managers';
import { ANNOTATION } from '../model/labels';
import { ALL_COMPONENTS, type PlanComponent } from '../strategies/plan-component';
import type { StoreStrategy } from '../strategies/strategy';

function restartPatch(at: Date): object {
  return {
    spec: { template: { metadata: { annotations: { [ANNOTATION.restartedAt]: at.toISOString() } } } },
  };
}

/** "postgres, redis, server or storefront" */
const choices = (names: string[]): string =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');

/** The components a restart names, or why the plan has none of that name. */
function restartTargets(
  strategy: StoreStrategy,
  component: RestartComponent,
): Result<readonly PlanComponent[]> {
  if (component === ALL_COMPONENTS) return ok(strategy.components);
  const found = strategy.components.filter((c) => c.name === component);
  if (found.length > 0) return ok(found);
  const names = [ALL_COMPONENTS, ...strategy.components.map((c) => c.name)];
  return err(
    'invalid_request',
    `${strategy.label} stores have no component "${component}"; restart ${choices(names)}`,
  );
}

async function existingWorkloads(client: KubeClient, namespace: string, targets: readonly PlanComponent[]) {
  const kinds = [...new Set(targets.map((t) => t.workload.kind))];
  const found = new Set<string>();
  for (const kind of kinds) {
    for (const item of (await client.list(KINDS[kind], { namespace })).items) {
      found.add(`${kind}/${item.metadata?.name ?? ''}`);
    }
  }
  return targets.filter((t) => found.has(`${t.workload.kind}/${t.workload.name}`));
}

export async function restartComponents(
  client: KubeClient,
  namespace: string,
  strategy: StoreStrategy,
  component: RestartComponent,
  now: () => Date = () => new Date(),
): Promise<Result<{ restarted: string[] }>> {
  const targets = restartTargets(strategy, component);
  if (!targets.ok) return targets;
  const present = await existingWorkloads(client, namespace, targets.value);
  const missing = targets.value.filter((t) => !present.includes(t));
  if (missing.length > 0) {
    const what = missing.map((t) => `${t.workload.kind.toLowerCase()} ${t.workload.name}`).join(', ');
    return err('not_found', `No ${what} in ${namespace}`);
  }
  const body = restartPatch(now());
  // One stamp for all: the workloads were restarted together, and a retried call stays idempotent.
  const contentType = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
  const workloads = present.map((t) => t.workload).sort((a, b) => a.name.localeCompare(b.name));
  for (const { kind, name } of workloads) {
    const request = { name, namespace, body, fieldManager: SIDE_FIELD_MANAGERS.restart };
    await client.call(() =>
      kind === 'StatefulSet'
        ? client.apps.patchNamespacedStatefulSet(request, contentType)
        : client.apps.patchNamespacedDeployment(request, contentType),
    );
  }
  return ok({ restarted: workloads.map((w) => w.name) });
}
