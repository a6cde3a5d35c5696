// What an Engine is built from: the state repos, how to reach a context's cluster, and the
// knobs tests and transports set (clock, timeouts, actor, whether this process runs passes).
import type { Plan } from '../../preload/contract';
import type { KubeClient } from '../kube/client';
import type { EventBus } from '../primitives/event-bus';
import type { AuditRepo } from '../state/audit.repo';
import type { EventsRepo } from '../state/events.repo';
import type { SettingsRepo } from '../state/settings.repo';
import type { StoresRepo } from '../state/stores.repo';
import type { EngineClock } from './engine-clock';
import type { LogAttachments } from './store-writer';
import type { StoreStrategy } from './strategies/strategy';

export interface EngineOptions {
  stores: StoresRepo;
  events: EventsRepo;
  audit: AuditRepo;
  settings: SettingsRepo;
  /** Keeps finished setup jobs' logs with the timeline (optional: tests without it keep none). */
  savedLogs?: LogAttachments;
  /** The client for a cluster context; throws with a plain message when it is unusable. */
  clientFor(context: string): KubeClient;
  /** Local contexts get <slug>.localhost hosts. */
  isLocalContext(context: string): boolean;
  /** Plan → strategy (default: the registry). */
  strategyFor?: (plan: Plan) => StoreStrategy;
  /** Where events go; one is made when not given (see `engine.bus`). */
  bus?: EventBus;
  /** How long a delete waits for the namespace to go (default 120 s). */
  deleteTimeoutMs?: number;
  /** Per-request timeout of the checkout check before Ready (default 20 s). */
  checkoutRequestTimeoutMs?: number;
  /** Audit actor when a call names none, e.g. "desktop:alice". */
  actor?: string;
  /** Where unexpected worker errors are reported (default console.error). */
  onWorkerError?: (storeId: string, error: unknown) => void;
  /**
   * Whether this engine runs passes (default true). One that does not still admits, records and
   * audits every request; the data dir's worker (another process) runs them. See setWorking().
   */
  working?: boolean;
  /** Time for requeues, backoff and the provisioning limits (the simulator's clock in tests). */
  clock?: EngineClock;
}
