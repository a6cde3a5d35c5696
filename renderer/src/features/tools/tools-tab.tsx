// The Tools tab: what Local and Studio users reach for beside the shop itself.
import type { Store } from '../../../../preload/contract';
import { DatabasePanel } from './database-panel';
import { WpCliPanel } from './wp-cli-panel';

export function ToolsTab({ store }: { store: Store }) {
  return (
    <div className="actions-tab">
      {store.plan === 'woocommerce' && <WpCliPanel store={store} />}
      <DatabasePanel store={store} />
    </div>
  );
}
