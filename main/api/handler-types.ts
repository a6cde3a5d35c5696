// What every transport (Electron IPC, the web host, the CLI) calls: one handler per contract
// request, already validated, returning a Result. (The event bus lives in main/primitives/.)
import type { ParsedRequestOf, RequestName, ResponseOf, Result } from '../../preload/contract';

export type Handlers = {
  [K in RequestName]: (request: ParsedRequestOf<K>) => Promise<Result<ResponseOf<K>>>;
};
