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
import {
  EVENTS_SUBPROTOCOL,
  TOKEN_FRAGMENT_KEY,
  TOKEN_STORAGE_KEY,
  TOKEN_SUBPROTOCOL_PREFIX,
} from '../../../preload/web-auth';

type WebSocketLike = {
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: (() => void) | null;
  onopen: (() => void) | null;
  close(): void;
};

export type WebClientOptions = {
  /** e.g. http://127.0.0.1:5178 — the page's own origin in the browser. */
  origin: string;
  /** The host's token (see takeLaunchToken); null when the page was opened without one. */
  token: string | null;
  fetchImpl?: typeof fetch;
  openSocket?: (url: string, protocols: string[]) => WebSocketLike;
  /** Reconnect attempts after the event socket drops, before giving up. */
  maxReconnects?: number;
};

type AnyListener = (payload: unknown) => void;

export type LaunchWindow = {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
};

/**
 * Moves the token from the launch URL's fragment into this tab's sessionStorage and drops it from
 * the address bar (and so from history and bookmarks); a reload finds it in sessionStorage.
 */
export function takeLaunchToken(win: LaunchWindow): string | null {
  const fragment = new URLSearchParams(win.location.hash.replace(/^#/, ''));
  const fromUrl = fragment.get(TOKEN_FRAGMENT_KEY);
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    fragment.delete(TOKEN_FRAGMENT_KEY);
    const rest = fragment.toString();
    win.history.replaceState(
      null,
      '',
      `${win.location.pathname}${win.location.search}${rest ? `#${rest}` : ''}`,
    );
    return fromUrl;
  }
  return win.sessionStorage.getItem(TOKEN_STORAGE_KEY);
}

export function createWebClient(options: WebClientOptions): StoredeckApi {
  const fetchImpl = options.fetchImpl ?? fetch.bind(globalThis);
  const openSocket =
    options.openSocket ??
    ((url: string, protocols: string[]) => new WebSocket(url, protocols) as unknown as WebSocketLike);
  const authorization: Record<string, string> = options.token
    ? { authorization: `Bearer ${options.token}` }
    : {};
  const maxReconnects = options.maxReconnects ?? 30;
  const listeners = new Map<EventName, Set<AnyListener>>(EVENT_NAMES.map((name) => [name, new Set()]));
  let socket: WebSocketLike | null = null;
  let reconnects = 0;

  async function call(name: RequestName, request: unknown): Promise<Result<unknown>> {
    let response: Response;
    try {
      response = await fetchImpl(`${options.origin}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authorization },
        body: JSON.stringify(request ?? {}),
        // Nothing rides on cookies: the token is the header above.
        credentials: 'omit',
      });
    } catch (error) {
      return err('internal', `The Storedeck web host is not reachable: ${(error as Error).message}`);
    }
    if (response.status === 401) {
      return err(
        'forbidden',
        'This page is not signed in: open the URL that `npm run web` printed (with #token=).',
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
    // Browsers cannot set headers on a WebSocket: the token travels as a subprotocol instead.
    const protocols = options.token
      ? [EVENTS_SUBPROTOCOL, `${TOKEN_SUBPROTOCOL_PREFIX}${options.token}`]
      : [EVENTS_SUBPROTOCOL];
    const ws = openSocket(`${wsOrigin}/api/events`, protocols);
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
