// The checkout check's requests against the fake WooCommerce over 127.0.0.1: the Store API
// sequence a shopper's browser sends (cart → add-item → checkout with Nonce and Cart-Token),
// then the admin's order check and removal; and the plain reasons when a step is refused.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpRequest, StoreHttp } from '../../../kube/http-exchange';
import { FakeWooCommerce, SITE_HEADER } from '../../../../test/kube-sim/service-proxy/fake-woocommerce';
import { TEST_ORDER_EMAIL, verifyCheckout, woocommerceCheckout } from './checkout-verify';

const SITE = 'store-unit';
let shop: FakeWooCommerce;
let base: URL;
const sent: HttpRequest[] = [];

const http: StoreHttp = (req) =>
  new Promise((resolve, reject) => {
    sent.push(req);
    const out = request(
      {
        hostname: base.hostname,
        port: base.port,
        method: req.method,
        path: req.path,
        headers: { ...req.headers, [SITE_HEADER]: SITE },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    out.on('error', reject);
    out.end(req.body);
  });

const admin = { user: 'admin', password: 'secret-pass' };

beforeAll(async () => {
  shop = new FakeWooCommerce({ checkAdmin: (_s, u, p) => u === admin.user && p === admin.password });
  base = new URL(await shop.serve());
});
afterAll(() => shop.stop());

describe('verifyCheckout', () => {
  it('places the order as a shopper, checks it as the admin, and removes it', async () => {
    sent.length = 0;
    shop.faults = {};
    const result = await verifyCheckout({ http, admin, timeoutMs: 2_000 });
    expect(result.removed).toBe(1);
    expect(shop.orders(SITE)).toEqual([]);
    const routes = sent.map(
      (r) =>
        `${r.method} ${new URL(r.path, 'http://x').searchParams.get('rest_route') ?? new URL(r.path, 'http://x').pathname}`,
    );
    expect(routes).toEqual([
      'GET /wc/store/v1/products',
      'GET /wc/store/v1/cart',
      'POST /wc/store/v1/cart/add-item',
      'POST /wc/store/v1/checkout',
      'POST /wp-login.php',
      'GET /wp-admin/admin-ajax.php',
      // One listing checks the order and finds leftovers; a forced DELETE's 200 means it is gone.
      'GET /wc/v3/orders',
      `POST /wc/v3/orders/${result.orderId}`,
    ]);
    const checkout = sent[3] as HttpRequest;
    expect(Object.keys(checkout.headers ?? {})).toEqual(expect.arrayContaining(['Nonce', 'Cart-Token']));
    expect(JSON.parse(checkout.body ?? '{}')).toMatchObject({
      payment_method: 'cod',
      billing_address: { email: TEST_ORDER_EMAIL, country: 'US' },
    });
    expect(sent[7]?.headers?.['X-HTTP-Method-Override']).toBe('DELETE');
  });

  it('reports a refused admin login in plain words, as a value', async () => {
    shop.faults = {};
    const outcome = await woocommerceCheckout.run({
      http,
      admin: { ...admin, password: 'wrong' },
      timeoutMs: 2_000,
    });
    expect(outcome).toEqual({
      ok: false,
      reason:
        "the admin login (wp-login.php) answered 200 without a session: the admin password in the store's Secret was not accepted",
    });
    // The placed order stays for the next attempt to find by its email (no admin, no removal).
    expect(shop.orders(SITE).map((o) => o.billing.email)).toEqual([TEST_ORDER_EMAIL]);
    const retry = await woocommerceCheckout.run({ http, admin, timeoutMs: 2_000 });
    expect(retry).toMatchObject({
      ok: true,
      message: expect.stringMatching(/and 1 left by an earlier attempt/),
    });
    expect(shop.orders(SITE)).toEqual([]);
  });

  it('names the API and status when the products API fails', async () => {
    shop.faults = { status: { products: 502 } };
    await expect(verifyCheckout({ http, admin, timeoutMs: 2_000 })).rejects.toThrow(
      'the products API (wc/store/v1/products) answered 502: Injected 502 on products',
    );
  });
});
