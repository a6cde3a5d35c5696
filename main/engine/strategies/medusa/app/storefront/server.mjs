// The storefront server: a few routes over node:http, no framework. Pages are rendered on the
// server from the Store API (medusa-client.mjs); the cart is identified by an HttpOnly cookie.
// Environment: MEDUSA_BACKEND_URL (the server, in-cluster), PORT (8000), HOST (0.0.0.0).
import { createServer } from 'node:http';
import { createMedusaClient } from './medusa-client.mjs';
import { cartPage, checkoutPage, errorPage, orderPage, productsPage } from './pages.mjs';

const backendUrl = process.env.MEDUSA_BACKEND_URL ?? 'http://127.0.0.1:9000';
const port = Number(process.env.PORT ?? 8000);
const host = process.env.HOST ?? '0.0.0.0';
const medusa = createMedusaClient(backendUrl);
const MAX_BODY = 16 * 1024;

function cookieCart(req) {
  const match = /(?:^|;\s*)cart_id=([A-Za-z0-9_]+)/.exec(req.headers.cookie ?? '');
  return match ? match[1] : null;
}

function send(res, status, html, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(html);
}

function redirect(res, location, headers = {}) {
  res.writeHead(303, { location, ...headers });
  res.end();
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > MAX_BODY) throw Object.assign(new Error('form too large'), { status: 413 });
  }
  return Object.fromEntries(new URLSearchParams(body));
}

const cartCookie = (id) => `cart_id=${id}; Path=/; HttpOnly; SameSite=Lax`;
const message = (err) => err?.message ?? String(err);

async function checkoutView(res, cart, error) {
  const [countries, options] = await Promise.all([
    medusa.listRegionCountries(),
    medusa.shippingOptions(cart.id),
  ]);
  send(res, error ? 422 : 200, checkoutPage(cart, countries, options, error));
}

async function route(req, res) {
  const url = new URL(req.url ?? '/', 'http://storefront');
  const cartId = cookieCart(req);
  if (req.method === 'GET' && url.pathname === '/healthz') {
    await medusa.ready();
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  if (req.method === 'GET' && url.pathname === '/') {
    const [products, cart] = await Promise.all([
      medusa.listProducts(),
      cartId ? medusa.getCart(cartId) : null,
    ]);
    send(res, 200, productsPage(products, cart?.items?.length ?? 0));
    return;
  }
  if (req.method === 'POST' && url.pathname === '/cart/items') {
    const form = await readForm(req);
    const quantity = Math.min(10, Math.max(1, Number.parseInt(form.quantity ?? '1', 10) || 1));
    const existing = cartId ? await medusa.getCart(cartId) : null;
    const cart = await medusa.addToCart(existing?.id ?? null, form.variantId, quantity);
    redirect(res, '/cart', { 'set-cookie': cartCookie(cart.id) });
    return;
  }
  if (req.method === 'GET' && url.pathname === '/cart') {
    send(res, 200, cartPage(cartId ? await medusa.getCart(cartId) : null));
    return;
  }
  if (url.pathname === '/checkout') {
    const cart = cartId ? await medusa.getCart(cartId) : null;
    if (!cart || cart.items.length === 0) return redirect(res, '/cart');
    if (req.method === 'GET') return checkoutView(res, cart);
    if (req.method === 'POST') {
      const form = await readForm(req);
      try {
        const order = await medusa.checkout(cart.id, form);
        redirect(res, `/order/${encodeURIComponent(order.id)}`, {
          'set-cookie': 'cart_id=; Path=/; Max-Age=0',
        });
      } catch (err) {
        await checkoutView(res, await medusa.getCart(cart.id), `Your order was not placed: ${message(err)}`);
      }
      return;
    }
  }
  const order = /^\/order\/([A-Za-z0-9_]+)$/.exec(url.pathname);
  if (req.method === 'GET' && order) {
    send(res, 200, orderPage(await medusa.getOrder(order[1])));
    return;
  }
  send(res, 404, errorPage(404, 'There is no such page.'));
}

const server = createServer((req, res) => {
  route(req, res).catch((err) => {
    const status = err?.status === 413 ? 413 : 503;
    console.error(`storefront: ${req.method} ${req.url}: ${message(err)}`);
    if (!res.headersSent) send(res, status, errorPage(status, message(err)));
    else res.end();
  });
});
server.listen(port, host, () => console.log(`storefront listening on http://${host}:${port}`));
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
