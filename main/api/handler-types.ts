// What every transport (Electron IPC, the web host, the CLI) calls: one handler per contract
// request, already validated, returning a Result; and one bus for the contract's event streams.
import type {
  EventName,
  EventOf,
  ParsedRequestOf,
  RequestName,
  ResponseOf,
  Result,
} from '../../preload/contract';

export type Handlers = {
  [K in RequestName]: (request: ParsedRequestOf<K>) => Promise<Result<ResponseOf<K>>>;
};

export interface EventBus {
  emit<K extends EventName>(name: K, payload: EventOf<K>): void;
  /** Listens to every event; returns an unsubscribe function. */
  subscribe(listener: <K extends EventName>(name: K, payload: EventOf<K>) => void): () => void;
}
