// Health of one store namespace, read fresh from the cluster: the plan's components, pods,
// volumes and quota.
import type { StoreHealth } from '../../../preload/contract';
import type { KubeClient } from '../../kube/client';
import { KINDS } from '../../kube/kinds';
import type { StoreStrategy } from '../strategies/strategy';
import { storeHealth } from './health-mapping';

export async function getStoreHealth(
  client: KubeClient,
  namespace: string,
  strategy: Pick<StoreStrategy, 'quotaName' | 'components'>,
  now: () => Date = () => new Date(),
): Promise<StoreHealth> {
  const [pods, pvcs, quotas] = await Promise.all([
    client.list(KINDS.Pod, { namespace }),
    client.list(KINDS.PersistentVolumeClaim, { namespace }),
    client.list(KINDS.ResourceQuota, { namespace }),
  ]);
  return storeHealth(
    {
      pods: pods.items,
      pvcs: pvcs.items,
      quotas: quotas.items,
      quotaName: strategy.quotaName,
      components: strategy.components,
    },
    now(),
  );
}
