// Where WordPress keeps the one-time login tickets (../../login-ticket.ts makes them) and the
// link the browser opens; the must-use plugin storedeck-login.php claims them.
export const LOGIN_PARAM = 'storedeck_login';
/** Relative to the WordPress document root. */
export const LOGIN_TICKET_DIR = 'wp-content/storedeck-login';
export const LOGIN_PLUGIN_PATH = 'wp-content/mu-plugins/storedeck-login.php';

/**
 * The link the browser opens: the store's home URL with the bare parameter, the token in the
 * fragment. Browsers never send a fragment, so the token stays out of Apache's access log and
 * any proxy's; the plugin's page reads it and POSTs it (a body is not logged either).
 */
export function loginUrl(storeUrl: string, token: string): string {
  const url = new URL(storeUrl);
  url.pathname = '/';
  url.search = LOGIN_PARAM;
  url.hash = token;
  return url.toString();
}
