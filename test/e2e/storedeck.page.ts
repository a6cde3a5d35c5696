// Page object of the Storedeck shell: what a user sees and clicks, found by role and name.
import type { Locator, Page } from 'playwright-core';

export class StoredeckPage {
  constructor(readonly page: Page) {}

  async open(launchUrl: string): Promise<void> {
    await this.page.goto(launchUrl);
    await this.heading.waitFor();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Storedeck', level: 1 });
  }

  get header(): Locator {
    return this.page.getByRole('banner');
  }

  get contextPicker(): Locator {
    return this.page.getByRole('combobox', { name: 'Cluster context' });
  }

  get createStoreButton(): Locator {
    return this.page.getByRole('button', { name: 'Create store' });
  }

  get emptyState(): Locator {
    return this.page.getByText('No stores yet');
  }

  get themeToggle(): Locator {
    return this.page.getByRole('button', { name: /Switch to (dark|light) theme/ });
  }

  get createDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'New store' });
  }

  storeCard(name: string): Locator {
    return this.page.getByRole('article', { name });
  }

  async createStore(fields: { name: string; adminEmail: string }): Promise<void> {
    await this.createStoreButton.click();
    await this.createDialog.getByLabel('Store name').fill(fields.name);
    await this.createDialog.getByLabel('Admin email').fill(fields.adminEmail);
    await this.createDialog.getByRole('button', { name: 'Create', exact: true }).click();
  }

  async theme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme');
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path, fullPage: true });
  }
}
