// The store admin's view of orders, for the checkout check: log in at wp-login.php with the
// password from the store's Secret, get a REST nonce (admin-ajax.php?action=rest-nonce), then
// read and delete orders through WooCommerce's REST API (wc/v3) with cookie authentication.
// The REST API goes through WooCommerce's order data store, so it works alike with HPOS and
// with posts storage. Why not WP-CLI: the WordPress image has no `wp`, and a Job per check
// would add a pod start (and an image) to every store's path to Ready.
import { call, callJson, CheckoutFailure, restPath, type CallOptions } from './store-api-http';

export interface WcOrder {
  id: number;
  status: string;
  total: string;
  billing?: { email?: string };
}

export interface AdminSession {
  /** Orders whose billing email is exactly `email` (the search also matches other fields). */
  ordersByEmail(email: string): Promise<WcOrder[]>;
  deleteOrder(id: number): Promise<void>;
}

const TEST_COOKIE = 'wordpress_test_cookie=WP%20Cookie%20check';

function cookiesFrom(setCookie: string | string[] | undefined): string[] {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list.map((c) => c.split(';')[0] ?? '').filter((c) => c.includes('=') && !c.endsWith('=deleted'));
}

export async function openAdminSession(
  opts: CallOptions,
  credentials: { user: string; password: string },
): Promise<AdminSession> {
  const form = new URLSearchParams({
    log: credentials.user,
    pwd: credentials.password,
    'wp-submit': 'Log In',
    testcookie: '1',
  }).toString();
  const login = await call(opts, 'admin login (wp-login.php)', {
    method: 'POST',
    path: '/wp-login.php',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: TEST_COOKIE },
    body: form,
  });
  const cookies = cookiesFrom(login.headers['set-cookie']);
  if (!cookies.some((c) => c.startsWith('wordpress_logged_in_')))
    throw new CheckoutFailure(
      `the admin login (wp-login.php) answered ${login.status} without a session: the admin password in the store's Secret was not accepted`,
    );
  const cookie = [TEST_COOKIE, ...cookies].join('; ');
  const nonceRes = await call(opts, 'admin REST nonce (admin-ajax.php)', {
    method: 'GET',
    path: '/wp-admin/admin-ajax.php?action=rest-nonce',
    headers: { Cookie: cookie },
  });
  const nonce = nonceRes.body.trim();
  if (nonceRes.status !== 200 || !/^[0-9a-f]{6,}$/i.test(nonce))
    throw new CheckoutFailure(
      `the admin REST nonce (admin-ajax.php) answered ${nonceRes.status} without a nonce`,
    );
  const auth = { Cookie: cookie, 'X-WP-Nonce': nonce };

  return {
    async ordersByEmail(email) {
      const { json } = await callJson<WcOrder[]>(opts, 'orders API (wc/v3)', {
        method: 'GET',
        path: restPath('/wc/v3/orders', { search: email, per_page: 100 }),
        headers: auth,
      });
      return json.filter((o) => o.billing?.email === email);
    },
    async deleteOrder(id) {
      // POST + X-HTTP-Method-Override (honoured by the WordPress REST server): the check speaks only GET and POST.
      const res = await call(opts, 'orders API (wc/v3)', {
        method: 'POST',
        path: restPath(`/wc/v3/orders/${id}`, { force: 'true' }),
        headers: { ...auth, 'X-HTTP-Method-Override': 'DELETE', Accept: 'application/json' },
      });
      // 404: already gone (a concurrent attempt removed it). Anything else but 200 means it stays.
      if (res.status !== 200 && res.status !== 404)
        throw new CheckoutFailure(`the orders API (wc/v3) answered ${res.status} deleting test order #${id}`);
    },
  };
}
