// Page object of one opened store: its header, access panel, tabs and delete dialog.
import type { Locator, Page } from 'playwright-core';

export type DetailTabName = 'Timeline' | 'Health' | 'Logs' | 'Actions' | 'Tools';

export class StoreDetailPanel {
  readonly root: Locator;

  constructor(
    readonly page: Page,
    readonly storeName: string,
  ) {
    this.root = page.getByRole('region', { name: storeName, exact: true });
  }

  get status(): Locator {
    return this.root.getByLabel(/^Status: /).first();
  }

  /** The box that says a Ready store drifted or is degraded, with its Repair button. */
  get liveProblem(): Locator {
    return this.root.getByRole('alert').filter({ hasText: /^(Drifted|Degraded)/ });
  }

  get failure(): Locator {
    return this.root.getByRole('alert').filter({ hasText: /^Failed at/ });
  }

  tab(name: DetailTabName): Locator {
    return this.root.getByRole('tab', { name, exact: true });
  }

  get panel(): Locator {
    return this.root.getByRole('tabpanel');
  }

  async openTab(name: DetailTabName): Promise<void> {
    await this.tab(name).click();
    await this.root.locator('[role="tab"][aria-selected="true"]', { hasText: name }).waitFor();
  }

  get steps(): Locator {
    return this.root.getByRole('list', { name: `Timeline of ${this.storeName}` }).getByRole('listitem');
  }

  step(code: string): Locator {
    return this.steps.filter({ has: this.page.locator('code', { hasText: new RegExp(`^${code}$`) }) });
  }

  podRow(component: string): Locator {
    return this.panel
      .getByRole('table', { name: 'Pods' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${component}-`) }) });
  }

  get updatedAt(): Locator {
    return this.panel.getByText(/^Updated at/);
  }

  get terminal(): Locator {
    return this.panel.getByRole('log');
  }

  get logStatus(): Locator {
    return this.panel.getByText(/^\d+ lines? from /);
  }

  async logLineCount(): Promise<number> {
    const text = (await this.logStatus.textContent()) ?? '';
    return Number(/^(\d+)/.exec(text)?.[1] ?? NaN);
  }

  get followToggle(): Locator {
    return this.panel.getByRole('button', { name: 'Follow' });
  }

  /** A button of the open panel once it is idle again (aria-busy false). */
  idleButton(text: string): Locator {
    return this.panel.locator('button[aria-busy="false"]', { hasText: text });
  }

  get following(): Locator {
    return this.panel.locator('button[aria-pressed="true"]', { hasText: 'Follow' });
  }

  button(name: string | RegExp): Locator {
    return this.root.getByRole('button', { name });
  }

  get adminPassword(): Locator {
    return this.root.getByRole('textbox', { name: /^Admin password/ });
  }

  get newPassword(): Locator {
    return this.root
      .getByRole('group', { name: 'New admin password' })
      .getByRole('textbox', { name: /^New password for/ });
  }

  get deleteDialog(): Locator {
    return this.page.getByRole('dialog', { name: `Delete ${this.storeName}?` });
  }

  async confirmDelete(typed: string): Promise<void> {
    await this.button('Delete store…').click();
    await this.deleteDialog.getByLabel(/to confirm/).fill(typed);
  }
}
