// Page object of the Storedeck shell: what a user sees and clicks, found by role and name.
import type { Locator, Page } from 'playwright-core';
import { StoreDetailPanel } from './store-detail.page';

export type ViewName = 'Stores' | 'Audit log' | 'Cluster';

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

  /** The banner shown while the context's cluster does not answer. */
  get clusterBanner(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /is not answering/ });
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search stores' });
  }

  statusFilter(status: string): Locator {
    return this.page
      .getByRole('group', { name: 'Filter by status' })
      .getByRole('button', { name: new RegExp(`^${status} \\d+$`) });
  }

  /** The cards rendered now (the grid is virtualised: only those near the screen exist). */
  get renderedCards(): Locator {
    return this.page.getByRole('list', { name: 'Stores in this context' }).getByRole('article');
  }

  cardStatus(name: string): Locator {
    return this.storeCard(name).getByLabel(/^Status: /);
  }

  async openDetails(name: string): Promise<StoreDetailPanel> {
    const detail = this.detail(name);
    if (!(await detail.root.isVisible()))
      await this.storeCard(name)
        .getByRole('button', { name: `Details of ${name}` })
        .click();
    await detail.root.waitFor();
    return detail;
  }

  detail(name: string): StoreDetailPanel {
    return new StoreDetailPanel(this.page, name);
  }

  async show(view: ViewName): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();
  }

  get auditTable(): Locator {
    return this.page.getByRole('table', { name: /Audit entries/ });
  }

  auditRows(store: string, action: string): Locator {
    return this.auditTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: store, exact: true }) })
      .filter({ has: this.page.getByText(action, { exact: true }) });
  }

  get settingsButton(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: 'Settings' });
  }

  get settingsDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Settings' });
  }

  get preflightChecks(): Locator {
    return this.page.getByRole('list', { name: /^Preflight checks for / }).getByRole('listitem');
  }

  /** Records every status a store's badge shows from now on (a fast cluster skips past some in ms). */
  async recordStatuses(name: string): Promise<() => Promise<string[]>> {
    // A string, not a function: this file is type-checked without the DOM library.
    await this.page.evaluate(`(() => {
      const seen = (window.__statuses = []);
      const look = () => {
        for (const card of document.querySelectorAll('article')) {
          if (card.querySelector('h3')?.textContent !== ${JSON.stringify(name)}) continue;
          const status = card.querySelector('[aria-label^="Status: "]')?.textContent ?? '';
          if (status && seen.at(-1) !== status) seen.push(status);
        }
      };
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    return async () => (await this.page.evaluate('window.__statuses')) as string[];
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
