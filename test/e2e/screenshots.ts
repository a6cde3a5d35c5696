// Screenshots into test-results/, in the current theme or in both (toggling there and back).
import { join } from 'node:path';
import { RESULTS } from './sim-app';
import type { StoredeckPage } from './storedeck.page';

export async function shot(ui: StoredeckPage, name: string): Promise<void> {
  await ui.screenshot(join(RESULTS, `${name}.png`));
}

export async function shotBothThemes(ui: StoredeckPage, name: string): Promise<void> {
  const first = (await ui.theme()) ?? 'light';
  await shot(ui, `${name}-${first}`);
  await ui.themeToggle.click();
  await ui.page.locator(`html:not([data-theme="${first}"])`).waitFor({ state: 'attached' });
  const second = (await ui.theme()) ?? 'dark';
  await shot(ui, `${name}-${second}`);
  await ui.themeToggle.click();
  await ui.page.locator(`html[data-theme="${first}"]`).waitFor({ state: 'attached' });
}
