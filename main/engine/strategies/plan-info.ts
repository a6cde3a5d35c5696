// A plan as the API describes it: its components and which optional capabilities its strategy
// has. The UI and the CLI ask this instead of testing plan names.
import { PlanInfoSchema, type PlanInfo } from '../../../preload/contract';
import type { StoreStrategy } from './strategy';

export function planInfo(strategy: StoreStrategy): PlanInfo {
  // Parsed: component names become the contract's (every plan's names are in its list).
  return PlanInfoSchema.parse({
    plan: strategy.plan,
    label: strategy.label,
    components: strategy.components.map(({ name, label, restartHint, workload }) => ({
      name,
      label,
      restartHint,
      workload: workload.name,
    })),
    capabilities: {
      wpCli: strategy.wpCli !== undefined,
      database: strategy.database !== undefined,
      adminLogin: strategy.adminLogin !== undefined,
      checkout: strategy.checkout !== undefined,
      backup: strategy.backup !== undefined,
    },
  });
}
