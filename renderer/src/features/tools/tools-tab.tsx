// The Tools tab: what Local and Studio users reach for beside the shop itself, as far as the
// store's plan has them (its strategy says which).
import type { Store } from '../../../../preload/contract';
import { usePlan } from '../shell/use-plan';
import { BackupPanel } from '../backup/backup-panel';
import { DatabasePanel } from './database-panel';
import { WpCliPanel } from './wp-cli-panel';

export function ToolsTab({ store }: { store: Store }) {
  const plan = usePlan(store.plan);
  const tools = plan?.capabilities;
  return (
    <div className="actions-tab">
      {tools?.wpCli && <WpCliPanel store={store} />}
      {tools?.database && <DatabasePanel store={store} />}
      {plan && !tools?.wpCli && !tools?.database && (
        <p className="muted">{plan.label} stores have no tools here yet.</p>
      )}
      {plan && <BackupPanel store={store} available={Boolean(tools?.backup)} planLabel={plan.label} />}
    </div>
  );
}
