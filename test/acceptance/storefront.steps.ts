// What a shopper and a store admin do in the browser, found by role and label the way a person
// reads the page: storefront → "Sample Product" → Add to cart → cart → Proceed to Checkout →
// billing details → Cash on delivery → Place order → "Order received"; then wp-admin's login
// and WooCommerce → Orders. Works on WooCommerce's block cart/checkout and on our own fixture
// pages (storefront-fixture.ts), which carry the same roles and labels.
import type { Locator, Page } from 'playwright-core';

export interface Shopper {
  email: string;
  firstName: string;
  lastName: string;
  address: string;
  city: string;
  /** Chosen by its visible name when the store does not preselect it. */
  state: string;
  postcode: string;
  phone: string;
}

export const ACCEPTANCE_SHOPPER: Shopper = {
  email: 'shopper@example.com',
  firstName: 'Acceptance',
  lastName: 'Shopper',
  address: '1 Market Street',
  city: 'San Francisco',
  state: 'California',
  postcode: '94105',
  phone: '4155550100',
};

/** Takes a screenshot into the report folder under this name. */
export type Snap = (page: Page, name: string) => Promise<void>;

const STEP_TIMEOUT_MS = 60_000;
const url = (base: string, path: string): string => new URL(path, base).toString();

async function visible(locator: Locator, timeoutMs = 5_000): Promise<boolean> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
    return true;
  } catch {
    return false;
  }
}

async function fill(page: Page, label: RegExp | string, value: string): Promise<void> {
  const field = page.getByLabel(label).first();
  await field.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await field.fill(value);
}

/** Selects by visible name when the select is there and not already on it (stores preselect their base country/state). */
async function choose(page: Page, label: RegExp, option: string): Promise<void> {
  const select = page.getByLabel(label).first();
  if (!(await visible(select, 2_000))) return;
  // Runs in the page (no DOM types in this tsconfig): the selected option's visible name.
  const current = await select.evaluate((el) => {
    const options = (el as unknown as { selectedOptions?: ArrayLike<{ textContent: string | null }> })
      .selectedOptions;
    return options?.[0]?.textContent ?? '';
  });
  if (current.trim() !== option) await select.selectOption({ label: option });
}

/** Places an order as a guest; returns the order number the "Order received" page shows. */
export async function shopperCheckout(
  page: Page,
  storeUrl: string,
  shopper: Shopper,
  snap: Snap,
): Promise<{ orderNumber: string }> {
  // The shop page (WooCommerce's install_pages makes it at /shop/), not the theme's front page.
  await page.goto(url(storeUrl, 'shop/'), { waitUntil: 'domcontentloaded' });
  await page.getByRole('link', { name: 'Sample Product', exact: true }).first().click();
  await page.getByRole('heading', { name: 'Sample Product' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await snap(page, 'product');
  await page
    .getByRole('button', { name: /add to cart/i })
    .first()
    .click();

  // WooCommerce confirms with a "View cart" link; without one (AJAX themes) the cart page is where it always is.
  const viewCart = page.getByRole('link', { name: /view cart/i });
  if (await visible(viewCart, 10_000)) await viewCart.first().click();
  else await page.goto(url(storeUrl, 'cart/'), { waitUntil: 'domcontentloaded' });
  await page.getByText('Sample Product').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await snap(page, 'cart');
  await page
    .getByRole('link', { name: /proceed to checkout/i })
    .first()
    .click();

  await fill(page, /^email address$/i, shopper.email);
  await choose(page, /^country\/region$/i, 'United States (US)');
  await fill(page, /^first name$/i, shopper.firstName);
  await fill(page, /^last name$/i, shopper.lastName);
  await fill(page, /^address$/i, shopper.address);
  await fill(page, /^city$/i, shopper.city);
  await choose(page, /^state$/i, shopper.state);
  await fill(page, /^(zip code|postcode|postal code)$/i, shopper.postcode);
  const phone = page.getByLabel(/^phone/i);
  if (await visible(phone, 1_000)) await phone.first().fill(shopper.phone);
  // With one payment method WooCommerce shows it without a radio button.
  const cod = page.getByRole('radio', { name: /cash on delivery/i });
  if (await visible(cod, 2_000)) await cod.first().check();
  else
    await page
      .getByText(/cash on delivery/i)
      .first()
      .waitFor({ timeout: STEP_TIMEOUT_MS });
  await snap(page, 'checkout');
  await page
    .getByRole('button', { name: /^place order$/i })
    .first()
    .click();

  await page
    .getByRole('heading', { name: /order received/i })
    .first()
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  const text = await page.locator('body').innerText();
  const orderNumber = /order number:?\s*#?(\d+)/i.exec(text)?.[1];
  if (!orderNumber) throw new Error('the "Order received" page shows no order number');
  await snap(page, 'order-received');
  return { orderNumber };
}

/** Logs in at wp-login.php; throws with WordPress's own message when the login is refused. */
export async function adminLogin(
  page: Page,
  storeUrl: string,
  user: string,
  password: string,
): Promise<void> {
  await page.goto(url(storeUrl, 'wp-login.php'), { waitUntil: 'domcontentloaded' });
  await page.getByLabel(/^username or email address$/i).fill(user);
  await page.getByLabel(/^password$/i).fill(password);
  await page.getByRole('button', { name: /^log in$/i }).click();
  // Whichever comes first: wp-admin, or wp-login.php again with its error box.
  const refusal = page.locator('#login_error').first();
  const outcome = await Promise.race([
    page.waitForURL(/\/wp-admin\//, { timeout: STEP_TIMEOUT_MS }).then(
      () => 'in' as const,
      () => 'timeout' as const,
    ),
    refusal.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS }).then(
      () => 'refused' as const,
      () => 'timeout' as const,
    ),
  ]);
  if (outcome === 'refused') {
    const error = (await refusal.innerText()).replace(/\s+/g, ' ').trim();
    throw new Error(`the admin login was refused: ${error}`);
  }
  if (outcome === 'timeout') throw new Error('the admin login neither reached wp-admin nor showed an error');
}

/** WooCommerce → Orders: the row of that order, with its status and total as the list shows them. */
export async function adminOrderRow(
  page: Page,
  storeUrl: string,
  orderNumber: string,
  snap: Snap,
): Promise<{ status: string; total: string }> {
  // HPOS stores list orders at page=wc-orders; stores on posts storage at the shop_order list.
  await page.goto(url(storeUrl, 'wp-admin/admin.php?page=wc-orders'), { waitUntil: 'domcontentloaded' });
  if (!(await visible(page.getByRole('heading', { name: /^orders/i }), 10_000)))
    await page.goto(url(storeUrl, 'wp-admin/edit.php?post_type=shop_order'), {
      waitUntil: 'domcontentloaded',
    });
  const row = page.getByRole('row').filter({ hasText: new RegExp(`#${orderNumber}\\b`) });
  await row.first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await snap(page, 'admin-orders');
  const text = (await row.first().innerText()).replace(/\s+/g, ' ');
  const status = /\b(Pending payment|Processing|On hold|Completed|Cancelled|Refunded|Failed|Draft)\b/.exec(
    text,
  )?.[1];
  const total = /(\d+[.,]\d{2})/.exec(text.slice(text.indexOf(status ?? '') + (status?.length ?? 0)))?.[1];
  return { status: status ?? 'unknown', total: total ?? 'unknown' };
}
