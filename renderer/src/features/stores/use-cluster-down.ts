// Why the cluster cannot be acted on right now (null when it answers or is not checked yet):
// the banner says it, and every action that needs the cluster is disabled with this as its reason.
import { useStore } from 'zustand';
import { useAppStores } from '../../app-stores-context';

export function useClusterDown(): string | null {
  const { stores } = useAppStores();
  const health = useStore(stores, (s) => s.health);
  if (!health || health.reachable) return null;
  return `Cluster ${health.context} is not answering`;
}
