// The Tools tab: what Local and Studio users reach for beside the shop itself.
import type { Store } from '../../../../preload/contract';
import { DatabasePanel } from './database-panel';

export function ToolsTab({ store }: { store: Store }) {
  return (
    <div className="actions-tab">
      <DatabasePanel store={store} />
    </div>
  );
}
