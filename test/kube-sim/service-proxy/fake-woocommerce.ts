// A fake of the WordPress + WooCommerce HTTP surface the checkout check uses, served on
// 127.0.0.1: the Store API (products, cart, cart/add-item, checkout — Nonce and Cart-Token
// headers as AbstractCartRoute sends and checks them), wp-login.php, the rest-nonce ajax action
// and wc/v3 orders with cookie + X-WP-Nonce auth. One site per namespace: the sim's service
// proxy names it in a header; a connection port-forwarded to the pod carries only the store's
// Host, which names the site as it does for WordPress (siteForHost). Faults make any route
// answer an error, hang, or place orders with another status.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const SITE_HEADER = 'x-kube-sim-namespace';
export const SAMPLE_PRODUCT_ID = 15;

export type FakeRoute = 'products' | 'cart' | 'add-item' | 'checkout' | 'login' | 'rest-nonce' | 'orders';

export interface FakeOrder {
  id: number;
  status: string;
  total: string;
  billing: { email: string };
  customer_note: string;
}

export interface FakeFaults {
  /** The route answers this HTTP status (with a WordPress-style error body). */
  status?: Partial<Record<FakeRoute, number>>;
  /** The route never answers. */
  hang?: FakeRoute;
  /** Status a placed order gets (WooCommerce's COD puts a virtual order in processing). */
  orderStatus?: string;
}

export interface FakeWooCommerceOptions {
  /** Whether user/password is the site's admin (the sim reads its WordPress database). */
  checkAdmin(site: string, user: string, password: string): boolean;
  /** The site (namespace) a Host header names, for requests without the proxy's header. */
  siteForHost?(host: string): string | undefined;
}

interface Site {
  orders: Map<number, FakeOrder>;
  carts: Map<string, number[]>;
  sessions: Set<string>;
  nextOrderId: number;
}

const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
};
const wpError = (res: ServerResponse, status: number, code: string, message: string): void =>
  json(res, status, { code, message, data: { status } });

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function cookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

export class FakeWooCommerce {
  faults: FakeFaults = {};
  private readonly sites = new Map<string, Site>();
  // Nonces are per site and stable, as wp_create_nonce is for a guest within its tick.
  private readonly storeNonce = randomBytes(5).toString('hex');
  private readonly restNonce = randomBytes(5).toString('hex');
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly options: FakeWooCommerceOptions) {}

  orders(site: string): FakeOrder[] {
    return [...(this.sites.get(site)?.orders.values() ?? [])];
  }

  /** Places an order as an earlier, interrupted check would have left it. */
  leaveOrder(site: string, email: string): FakeOrder {
    return this.createOrder(this.site(site), email, 'processing');
  }

  async serve(): Promise<string> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => wpError(res, 500, 'internal', String(error)));
    });
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** The port it listens on once serve() resolved, else null. */
  port(): number | null {
    const address = this.server?.address();
    return address && typeof address === 'object' ? address.port : null;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private site(name: string): Site {
    let site = this.sites.get(name);
    if (!site) {
      site = { orders: new Map(), carts: new Map(), sessions: new Set(), nextOrderId: 101 };
      this.sites.set(name, site);
    }
    return site;
  }

  private createOrder(site: Site, email: string, status: string, note = ''): FakeOrder {
    const order = { id: site.nextOrderId++, status, total: '19.99', billing: { email }, customer_note: note };
    site.orders.set(order.id, order);
    return order;
  }

  private routeOf(url: URL, path: string): FakeRoute | undefined {
    if (path === '/wp-login.php') return 'login';
    if (path === '/wp-admin/admin-ajax.php') return 'rest-nonce';
    const rest = url.searchParams.get('rest_route') ?? '';
    if (rest === '/wc/store/v1/products') return 'products';
    if (rest === '/wc/store/v1/cart') return 'cart';
    if (rest === '/wc/store/v1/cart/add-item') return 'add-item';
    if (rest === '/wc/store/v1/checkout') return 'checkout';
    if (rest.startsWith('/wc/v3/orders')) return 'orders';
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://wordpress');
    const route = this.routeOf(url, url.pathname);
    if (route && this.faults.hang === route) return; // never answers
    const injected = route ? this.faults.status?.[route] : undefined;
    if (injected) return wpError(res, injected, 'sim_injected_error', `Injected ${injected} on ${route}`);
    const host = String(req.headers.host ?? '').replace(/:\d+$/, '');
    const siteName = String(req.headers[SITE_HEADER] ?? this.options.siteForHost?.(host) ?? 'default');
    const site = this.site(siteName);
    const body = await readBody(req);
    const storeHeaders = (token: string): Record<string, string> => ({
      Nonce: this.storeNonce,
      'Cart-Token': token,
    });
    switch (route) {
      case 'products':
        return json(res, 200, [{ id: SAMPLE_PRODUCT_ID, name: 'Sample Product', prices: { price: '1999' } }]);
      case 'cart': {
        const token = String(req.headers['cart-token'] ?? '') || randomBytes(8).toString('hex');
        if (!site.carts.has(token)) site.carts.set(token, []);
        return json(res, 200, { items: site.carts.get(token) }, storeHeaders(token));
      }
      case 'add-item':
      case 'checkout': {
        const token = String(req.headers['cart-token'] ?? '');
        const cart = site.carts.get(token);
        // AbstractCartRoute: updates need a nonce unless a valid Cart-Token came; checkout always does.
        if ((route === 'checkout' || !cart) && req.headers.nonce !== this.storeNonce)
          return wpError(
            res,
            req.headers.nonce ? 403 : 401,
            'woocommerce_rest_invalid_nonce',
            'Nonce is invalid.',
          );
        if (!cart)
          return wpError(res, 400, 'woocommerce_rest_cart_empty', 'Cannot create order from empty cart.');
        const input = JSON.parse(body || '{}') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
        if (route === 'add-item') {
          if (input.id !== SAMPLE_PRODUCT_ID)
            return wpError(res, 400, 'woocommerce_rest_product_invalid_id', 'No product found.');
          cart.push(input.id);
          return json(res, 201, { items: cart }, storeHeaders(token));
        }
        if (cart.length === 0)
          return wpError(res, 400, 'woocommerce_rest_cart_empty', 'Cannot create order from empty cart.');
        if (input.payment_method !== 'cod')
          return wpError(
            res,
            400,
            'woocommerce_rest_checkout_payment_method_disabled',
            'Payment method not available.',
          );
        const email = String(input.billing_address?.email ?? '');
        if (!email.includes('@'))
          return wpError(res, 400, 'rest_invalid_param', 'Invalid parameter(s): billing_address');
        const order = this.createOrder(
          site,
          email,
          this.faults.orderStatus ?? 'processing',
          input.customer_note,
        );
        site.carts.set(token, []);
        return json(
          res,
          200,
          { order_id: order.id, status: order.status, payment_method: 'cod' },
          storeHeaders(token),
        );
      }
      case 'login': {
        const form = new URLSearchParams(body);
        const user = form.get('log') ?? '';
        const ok = this.options.checkAdmin(siteName, user, form.get('pwd') ?? '');
        if (!ok || !cookies(req).has('wordpress_test_cookie')) {
          res.writeHead(200, { 'Content-Type': 'text/html' });
          return void res.end('<div id="login_error">Error: The password you entered is incorrect.</div>');
        }
        const session = randomBytes(8).toString('hex');
        site.sessions.add(session);
        res.writeHead(302, {
          Location: '/wp-admin/',
          'Set-Cookie': [
            `wordpress_sim=${session}; path=/wp-admin; HttpOnly`,
            `wordpress_logged_in_sim=${session}; path=/; HttpOnly`,
          ],
        });
        return void res.end();
      }
      case 'rest-nonce': {
        const loggedIn = site.sessions.has(cookies(req).get('wordpress_logged_in_sim') ?? '');
        res.writeHead(loggedIn ? 200 : 400, { 'Content-Type': 'text/html' });
        return void res.end(
          loggedIn && url.searchParams.get('action') === 'rest-nonce' ? this.restNonce : '0',
        );
      }
      case 'orders':
        return this.orders_(req, res, url, site);
      default:
        return wpError(res, 404, 'rest_no_route', 'No route was found matching the URL and request method.');
    }
  }

  private orders_(req: IncomingMessage, res: ServerResponse, url: URL, site: Site): void {
    const loggedIn = site.sessions.has(cookies(req).get('wordpress_logged_in_sim') ?? '');
    if (!loggedIn || req.headers['x-wp-nonce'] !== this.restNonce)
      return wpError(res, 401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
    const rest = url.searchParams.get('rest_route') ?? '';
    const id = Number(/^\/wc\/v3\/orders\/(\d+)$/.exec(rest)?.[1] ?? NaN);
    const method = String(req.headers['x-http-method-override'] ?? req.method);
    if (Number.isNaN(id)) {
      if (method !== 'GET') return wpError(res, 404, 'rest_no_route', 'No route was found.');
      const search = url.searchParams.get('search') ?? '';
      return json(
        res,
        200,
        [...site.orders.values()].filter((o) => !search || o.billing.email.includes(search)),
      );
    }
    const order = site.orders.get(id);
    if (!order) return wpError(res, 404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
    if (method === 'DELETE') {
      if (url.searchParams.get('force') !== 'true')
        return wpError(res, 501, 'woocommerce_rest_trash_not_supported', 'Orders do not support trashing.');
      site.orders.delete(id);
    }
    return json(res, 200, order);
  }
}
