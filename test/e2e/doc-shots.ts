// The README's screenshots: docs/screenshots/<name>-light.png and -dark.png, taken by the e2e
// run itself so they always show the current UI. Leaves the page in the light theme.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { StoredeckPage } from './storedeck.page';

export const DOCS_SCREENSHOTS = resolve(import.meta.dirname, '../../docs/screenshots');

export async function docShots(ui: StoredeckPage, name: string): Promise<void> {
  mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    if ((await ui.theme()) !== scheme) {
      await ui.themeToggle.click();
      await ui.page.locator(`html[data-theme="${scheme}"]`).waitFor({ state: 'attached' });
    }
    await ui.page.screenshot({ path: join(DOCS_SCREENSHOTS, `${name}-${scheme}.png`) });
  }
  await ui.themeToggle.click();
  await ui.page.locator('html[data-theme="light"]').waitFor({ state: 'attached' });
}
