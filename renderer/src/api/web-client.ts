// The StoredeckApi over the web host (fetch + one WebSocket), built from the contract's keys
// exactly like the Electron preload, so the renderer cannot tell the two transports apart.
import {
  EVENT_NAMES,
  REQUEST_NAMES,
  err,
  events,
  type EventName,
  type RequestName,
  type Result,
  type StoredeckApi,
} from '../../../preload/contract';

type WebSocketLike = {
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: (() => void) | null;
  onopen: (() => void) | null;
  close(): void;
};

export type WebClientOptions = {
  /** e.g. http://127.0.0.1:5178 — the page's own origin in the browser. */
  origin: string;
  fetchImpl?: typeof fetch;
  openSocket?: (url: string) => WebSocketLike;
  /** Reconnect attempts after the event socket drops, before giving up. */
  maxReconnects?: number;
};

type AnyListener = (payload: unknown) => void;

export function createWebClient(options: WebClientOptions): StoredeckApi {
  const fetchImpl = options.fetchImpl ?? fetch.bind(globalThis);
  const openSocket = options.openSocket ?? ((url: string) => new WebSocket(url) as unknown as WebSocketLike);
  const maxReconnects = options.maxReconnects ?? 30;
  const listeners = new Map<EventName, Set<AnyListener>>(EVENT_NAMES.map((name) => [name, new Set()]));
  let socket: WebSocketLike | null = null;
  let reconnects = 0;

  async function call(name: RequestName, request: unknown): Promise<Result<unknown>> {
    let response: Response;
    try {
      response = await fetchImpl(`${options.origin}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request ?? {}),
        credentials: 'same-origin',
      });
    } catch (error) {
      return err('internal', `The Storedeck web host is not reachable: ${(error as Error).message}`);
    }
    if (response.status === 401) {
      return err(
        'forbidden',
        'This page is not signed in: open the URL that `npm run web` printed (with ?token=).',
      );
    }
    try {
      return (await response.json()) as Result<unknown>;
    } catch {
      return err('internal', `The web host answered ${response.status} without a result`);
    }
  }

  function deliver(raw: unknown): void {
    if (typeof raw !== 'string') return;
    let message: { event?: unknown; payload?: unknown };
    try {
      message = JSON.parse(raw) as typeof message;
    } catch {
      return;
    }
    const name = message.event as EventName;
    const set = listeners.get(name);
    if (!set) return;
    // The host validates on emit; parsing again keeps a bad frame from reaching the UI state.
    const parsed = events[name].safeParse(message.payload);
    if (!parsed.success) return;
    for (const listener of set) listener(parsed.data);
  }

  function connect(): void {
    const wsOrigin = options.origin.replace(/^http/, 'ws');
    const ws = openSocket(`${wsOrigin}/api/events`);
    socket = ws;
    ws.onopen = () => {
      reconnects = 0;
    };
    ws.onmessage = (event) => deliver(event.data);
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      if (!hasListeners() || reconnects >= maxReconnects) return;
      reconnects += 1;
      // Back off up to 5 s; the budget above bounds how long we keep trying.
      setTimeout(ensureSocket, Math.min(5000, 250 * 2 ** reconnects));
    };
  }

  const hasListeners = () => [...listeners.values()].some((set) => set.size > 0);
  const ensureSocket = () => {
    if (!socket && hasListeners()) connect();
  };

  function subscribe(name: EventName, listener: AnyListener): () => void {
    listeners.get(name)?.add(listener);
    ensureSocket();
    return () => {
      listeners.get(name)?.delete(listener);
      if (!hasListeners() && socket) {
        const ws = socket;
        socket = null;
        ws.close();
      }
    };
  }

  const api: Record<string, unknown> = {};
  for (const name of REQUEST_NAMES) api[name] = (request: unknown) => call(name, request);
  const on: Record<string, unknown> = {};
  for (const name of EVENT_NAMES) on[name] = (listener: AnyListener) => subscribe(name, listener);
  api.on = on;
  return api as StoredeckApi;
}
