// How a browser page proves itself to the web host: the launch URL carries the token in its
// fragment (never sent to a server, never in a log); the page keeps it in sessionStorage and
// presents it as a Bearer header on requests and as a WebSocket subprotocol on the event socket
// (browsers cannot set headers there). No cookie: cookies are not scoped by port, so every other
// local server the browser visits would receive one.

/** The fragment key of the launch URL: http://127.0.0.1:<port>/#token=<hex> */
export const TOKEN_FRAGMENT_KEY = 'token';
/** The sessionStorage key the page keeps the token under (per tab, gone when the tab closes). */
export const TOKEN_STORAGE_KEY = 'storedeck.token';
/** The subprotocol the host selects; it never echoes the token one. */
export const EVENTS_SUBPROTOCOL = 'storedeck.events';
/** Prefix of the subprotocol that carries the token (hex is a valid subprotocol token). */
export const TOKEN_SUBPROTOCOL_PREFIX = 'storedeck.token.';
