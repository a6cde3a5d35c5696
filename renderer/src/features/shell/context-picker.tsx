// The cluster context in the header; picking another one reloads that context's stores.
import { useStore } from 'zustand';
import { useAppStores } from '../../app-stores-context';
import { ContextOptions } from './context-options';

export function ContextPicker() {
  const { appInfo, stores } = useAppStores();
  const contexts = useStore(appInfo, (s) => s.contexts);
  const current = useStore(appInfo, (s) => s.current);
  const currentInfo = contexts.find((c) => c.name === current);

  async function pick(name: string) {
    const result = await appInfo.getState().selectContext(name);
    if (result.ok) await stores.getState().load();
  }

  if (contexts.length === 0) {
    return (
      <div className="context">
        <span className="context-label">Cluster context</span>
        <span className="context-none">{current ?? 'No cluster context'}</span>
      </div>
    );
  }
  return (
    <div className="context">
      <label className="context-label" htmlFor="context-picker">
        Cluster context
      </label>
      <select id="context-picker" value={current ?? ''} onChange={(e) => void pick(e.target.value)}>
        <ContextOptions contexts={contexts} placeholder={current === null ? 'Pick a context' : null} />
      </select>
      {currentInfo && <span className="context-kind">{currentInfo.isLocal ? 'local' : 'remote'}</span>}
    </div>
  );
}
