// node verify-checkout.mjs: the setup Job's last step, so a store is Ready only when its own
// storefront can take an order. It checks out Sample Product through the storefront's pages
// exactly as a shopper's browser posts them, then cancels that order through the admin API (a
// Medusa order cannot be deleted; cancelled, it is out of stock counts and revenue).
// Environment: STOREFRONT_URL, MEDUSA_BACKEND_URL, ADMIN_EMAIL, ADMIN_PASSWORD.
const storefront = process.env.STOREFRONT_URL ?? 'http://storefront:8000';
const backend = process.env.MEDUSA_BACKEND_URL ?? 'http://medusa-server:9000';
const WAIT_SECONDS = 300;

function fail(message) {
  console.error(`verify-checkout: ${message}`);
  process.exit(1);
}

async function waitForStorefront() {
  const deadline = Date.now() + WAIT_SECONDS * 1000;
  for (let tries = 1; ; tries += 1) {
    try {
      const response = await fetch(`${storefront}/healthz`, { signal: AbortSignal.timeout(10_000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) fail(`the storefront at ${storefront} was not ready within ${WAIT_SECONDS}s`);
    await new Promise((r) => setTimeout(r, Math.min(5000, 250 * tries)));
  }
}

const field = (html, pattern, what) =>
  pattern.exec(html)?.[1] ?? fail(`the ${what} is missing from the page`);

async function page(path, cookie, form) {
  const response = await fetch(`${storefront}${path}`, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
    signal: AbortSignal.timeout(60_000),
  });
  return { response, html: await response.text() };
}

await waitForStorefront();
const home = await page('/');
const variantId = field(home.html, /name="variantId" value="([^"]+)"/, 'Add to cart form');
const added = await page('/cart/items', null, { variantId, quantity: '1' });
const cookie = (added.response.headers.get('set-cookie') ?? '').split(';')[0];
if (!cookie.startsWith('cart_id=')) fail(`adding to the cart gave HTTP ${added.response.status} and no cart`);
const checkout = await page('/checkout', cookie);
const placed = await page('/checkout', cookie, {
  email: 'checkout-check@storedeck.invalid',
  firstName: 'Storedeck',
  lastName: 'Check',
  address: '1 Test Street',
  city: 'Berlin',
  postalCode: '10115',
  countryCode: field(checkout.html, /<option value="([a-z]{2})"/, 'country list'),
  shippingOptionId: field(checkout.html, /name="shippingOptionId" value="([^"]+)"/, 'shipping method'),
  payment: 'pp_system_default',
});
const orderId = /^\/order\/([A-Za-z0-9_]+)$/.exec(placed.response.headers.get('location') ?? '')?.[1];
if (!orderId) {
  const alert = /role="alert">([^<]*)</.exec(placed.html)?.[1];
  fail(`the checkout did not place an order (HTTP ${placed.response.status}${alert ? `: ${alert}` : ''})`);
}

const login = await fetch(`${backend}/auth/user/emailpass`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD }),
});
if (!login.ok) fail(`the admin login was refused (HTTP ${login.status})`);
const { token } = await login.json();
const cancel = await fetch(`${backend}/admin/orders/${orderId}/cancel`, {
  method: 'POST',
  headers: { authorization: `Bearer ${token}` },
});
if (!cancel.ok)
  fail(`the test order ${orderId} could not be cancelled (HTTP ${cancel.status}: ${await cancel.text()})`);
console.log(`verify-checkout: an order (${orderId}) went through the storefront and was cancelled`);
