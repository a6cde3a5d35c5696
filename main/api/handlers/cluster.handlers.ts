// Handlers for the local Kind cluster: status, create (progress on the bus), cancel, delete,
// and the pinned kind download.
import { ok } from '../../../preload/contract';
import type { Handlers } from '../handler-types';
import type { LocalClusterService } from '../local-cluster';

export type ClusterHandlers = Pick<
  Handlers,
  'getClusterStatus' | 'createLocalCluster' | 'cancelClusterOperation' | 'deleteLocalCluster' | 'downloadKind'
>;

export function clusterHandlers(service: LocalClusterService): ClusterHandlers {
  return {
    getClusterStatus: async () => ok(await service.status()),
    createLocalCluster: async (request) => service.create(request),
    cancelClusterOperation: async ({ operationId }) => service.cancel(operationId),
    deleteLocalCluster: async ({ name }) => service.remove(name),
    downloadKind: async () => service.download(),
  };
}
