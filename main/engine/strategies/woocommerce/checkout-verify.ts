// "Ready means it sells": one real order through the store's own WooCommerce Store API, as a
// shopper's browser places it (wc/store/v1: GET cart for the Nonce and Cart-Token headers, POST
// cart/add-item, POST checkout with Cash on Delivery), checked as the admin sees it (processing,
// 19.99) and then deleted, so the store starts with no orders. Every test order carries one
// billing email, so a retry finds and removes whatever an interrupted attempt left behind.
import type { StoreHttp } from '../../../kube/http-exchange';
import { OBJECT_NAMES } from './woocommerce-facts';
import type { CheckoutCheck } from '../strategy';
import { SAMPLE_PRODUCT } from './setup-script';
import { callJson, CheckoutFailure, header, restPath, type CallOptions } from './store-api-http';
import { openAdminSession, type AdminSession, type WcOrder } from './wc-admin-session';

export { CheckoutFailure } from './store-api-http';

/** The one address every test order is placed with (.invalid never receives mail, RFC 2606). */
export const TEST_ORDER_EMAIL = 'checkout-check@storedeck.invalid';

const TEST_BILLING_ADDRESS = {
  first_name: 'Storedeck',
  last_name: 'Checkout check',
  company: '',
  address_1: '1 Test Street',
  address_2: '',
  city: 'New York',
  state: 'NY',
  postcode: '10001',
  country: 'US',
  email: TEST_ORDER_EMAIL,
  phone: '555-0100',
} as const;

export interface CheckoutCheckInput {
  http: StoreHttp;
  admin: { user: string; password: string };
  /** Per request; a request without an answer in time fails the check. */
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface CheckoutCheckResult {
  orderId: number;
  /** Test orders removed, including leftovers of an interrupted earlier attempt. */
  removed: number;
}

interface StoreProduct {
  id: number;
  name: string;
}

interface CheckoutResponse {
  order_id?: number;
  status?: string;
}

async function sampleProductId(opts: CallOptions): Promise<number> {
  const { json } = await callJson<StoreProduct[]>(opts, 'products API (wc/store/v1/products)', {
    method: 'GET',
    path: restPath('/wc/store/v1/products', { search: SAMPLE_PRODUCT.name }),
  });
  const product = Array.isArray(json) ? json.find((p) => p.name === SAMPLE_PRODUCT.name) : undefined;
  if (!product) throw new CheckoutFailure(`the shop lists no "${SAMPLE_PRODUCT.name}" to buy`);
  return product.id;
}

/** Places the order as a guest shopper; returns the order id the checkout answered with. */
async function placeOrder(opts: CallOptions): Promise<number> {
  const productId = await sampleProductId(opts);
  const cart = await callJson<unknown>(opts, 'cart API (wc/store/v1/cart)', {
    method: 'GET',
    path: restPath('/wc/store/v1/cart'),
  });
  const cartToken = header(cart.res, 'Cart-Token');
  let nonce = header(cart.res, 'Nonce');
  if (!cartToken || !nonce)
    throw new CheckoutFailure('the cart API (wc/store/v1/cart) sent no Nonce or Cart-Token header');
  // The Cart-Token names the cart session; checkout always wants the Nonce too (Checkout::requires_nonce).
  const session = (): Record<string, string> => ({ 'Cart-Token': cartToken, Nonce: nonce ?? '' });
  const added = await callJson<unknown>(
    opts,
    'cart API (wc/store/v1/cart/add-item)',
    {
      method: 'POST',
      path: restPath('/wc/store/v1/cart/add-item'),
      headers: session(),
      body: { id: productId, quantity: 1 },
    },
    [200, 201],
  );
  nonce = header(added.res, 'Nonce') ?? nonce;
  const { json } = await callJson<CheckoutResponse>(opts, 'checkout API (wc/store/v1/checkout)', {
    method: 'POST',
    path: restPath('/wc/store/v1/checkout'),
    headers: session(),
    body: {
      billing_address: TEST_BILLING_ADDRESS,
      shipping_address: TEST_BILLING_ADDRESS,
      payment_method: 'cod',
      customer_note: 'Placed and removed by Storedeck to verify checkout',
    },
  });
  if (typeof json.order_id !== 'number' || json.order_id <= 0)
    throw new CheckoutFailure('the checkout API (wc/store/v1/checkout) answered without an order number');
  return json.order_id;
}

/**
 * Removes every test order (this attempt's and any an interrupted attempt left). One forced
 * DELETE each: WooCommerce answers 200 only once the order is gone (it reports a 500 if the
 * data store kept it), so no second listing is needed to know.
 */
async function removeTestOrders(admin: AdminSession, found: WcOrder[]): Promise<number> {
  for (const order of found) await admin.deleteOrder(order.id);
  return found.length;
}

function describeOrder(order: { status: string; total: string }): string {
  return `status ${order.status}, total ${order.total}`;
}

/**
 * Runs the whole check; throws CheckoutFailure with a plain reason (the step's message). The
 * admin's one listing of test orders serves both the check of this order and the cleanup:
 * eight storefront requests in all, over one port-forward to a WordPress pod.
 */
export async function verifyCheckout(input: CheckoutCheckInput): Promise<CheckoutCheckResult> {
  const opts: CallOptions = { http: input.http, timeoutMs: input.timeoutMs, signal: input.signal };
  const orderId = await placeOrder(opts);
  const admin = await openAdminSession(opts, input.admin);
  const found = await admin.ordersByEmail(TEST_ORDER_EMAIL);
  const order = found.find((o) => o.id === orderId);
  let problem: CheckoutFailure | null = null;
  if (!order) problem = new CheckoutFailure(`order #${orderId} was placed but the admin cannot find it`);
  else if (order.status !== 'processing' || Number(order.total) !== Number(SAMPLE_PRODUCT.price))
    problem = new CheckoutFailure(
      `order #${orderId} has ${describeOrder(order)}; expected status processing, total ${SAMPLE_PRODUCT.price}`,
    );
  // Removed whatever the outcome: a failed check must not leave its order in the shop either.
  const removed = await removeTestOrders(admin, found);
  if (problem) throw problem;
  return { orderId, removed };
}

/** The plan's check: the WordPress Service's named http port, exactly what the Ingress routes to. */
export const woocommerceCheckout: CheckoutCheck = {
  service: { name: OBJECT_NAMES.wordpress, port: 'http' },
  async run(access) {
    try {
      const { orderId, removed } = await verifyCheckout(access);
      const extra = removed > 1 ? ` (and ${removed - 1} left by an earlier attempt)` : '';
      return {
        ok: true,
        message: `order #${orderId} was processing at ${SAMPLE_PRODUCT.price} and is removed${extra}`,
      };
    } catch (error) {
      if (error instanceof CheckoutFailure) return { ok: false, reason: error.message };
      throw error;
    }
  },
};
