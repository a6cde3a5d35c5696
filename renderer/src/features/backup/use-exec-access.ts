// Whether backup, restore and clone can run in this store: the pods/exec right, asked once per store.
import { useEffect, useState } from 'react';
import type { Store } from '../../../../preload/contract';
import { useAppStores } from '../../app-stores-context';

export function useExecAccess(store: Pick<Store, 'id' | 'status'>): { reason: string | null } {
  const { api } = useAppStores();
  const [reason, setReason] = useState<string | null>(null);
  useEffect(() => {
    if (store.status !== 'Ready') return;
    let live = true;
    void api.getToolAccess({ id: store.id }).then((r) => {
      // An answer that could not be had is not a refusal: the operation itself will say.
      if (live) setReason(r.ok && !r.value.exec.allowed ? r.value.exec.reason : null);
    });
    return () => {
      live = false;
    };
  }, [api, store.id, store.status]);
  return { reason };
}
