// The acceptance run's browser steps, in Debian's Chromium, against our own storefront and
// wp-admin pages on 127.0.0.1: a shopper's checkout ends on "Order received" with the number
// the shop gave, and the admin finds that order Processing at 19.99.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../e2e/chromium';
import { startStorefrontFixture, type StorefrontFixture } from './fixtures/storefront-fixture';
import { ACCEPTANCE_SHOPPER, adminLogin, adminOrderRow, shopperCheckout } from './storefront.steps';
import { screenshotter } from './report';

const ADMIN = { user: 'admin', password: 'fixture-password-1' };
let shop: StorefrontFixture;
let browser: Browser;
let page: Page;
const shots = mkdtempSync(join(tmpdir(), 'storedeck-acceptance-shots-'));

beforeAll(async () => {
  shop = await startStorefrontFixture(ADMIN);
  browser = await launchChromium();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await shop?.stop();
  rmSync(shots, { recursive: true, force: true });
});

describe('storefront steps', () => {
  it('checks out as a shopper with Cash on delivery and reads the order number', async () => {
    const { orderNumber } = await shopperCheckout(
      page,
      shop.url,
      ACCEPTANCE_SHOPPER,
      screenshotter(shots, []),
    );
    expect(shop.orders).toEqual([
      { number: Number(orderNumber), customer: 'Acceptance Shopper', status: 'Processing', total: '19.99' },
    ]);
    expect(readdirSync(shots).sort()).toEqual([
      'cart.png',
      'checkout.png',
      'order-received.png',
      'product.png',
    ]);
  });

  it('finds that order in WooCommerce → Orders as Processing, 19.99', async () => {
    await adminLogin(page, shop.url, ADMIN.user, ADMIN.password);
    const row = await adminOrderRow(page, shop.url, String(shop.orders[0]?.number), screenshotter(shots, []));
    expect(row).toEqual({ status: 'Processing', total: '19.99' });
  });

  it('says the login was refused, with WordPress’s message, for a wrong password', async () => {
    await browser.context.clearCookies();
    await expect(adminLogin(page, shop.url, ADMIN.user, 'not-the-password')).rejects.toThrow(
      'the admin login was refused: Error: The password you entered for the username admin is incorrect.',
    );
  });
});
