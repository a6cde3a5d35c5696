// 500 stores in the data dir: the page asks for them in a few requests (not one per card),
// renders only the cards on screen, and search, status filter, sort, the split detail and the
// keyboard all work at that size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot } from './screenshots';
import { seedStores, seededName } from './seed-stores';
import { startSimApp, type SimApp } from './sim-app';

const COUNT = 500;
let s: SimApp;

beforeAll(async () => {
  s = await startSimApp(41, { seed: (dataDir) => seedStores(dataDir, COUNT) });
});

afterAll(async () => {
  await s?.close();
});

async function inViewport(selector: string): Promise<boolean> {
  // A string, not a function: this file is type-checked without the DOM library.
  return (await s.page.evaluate(`(() => {
    const r = document.querySelector(${JSON.stringify(selector)})?.getBoundingClientRect();
    return !!r && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 1 && r.height > 100;
  })()`)) as boolean;
}

/** Waits until exactly n cards are rendered (the filter applies a frame after typing). */
async function cardCount(n: number): Promise<void> {
  await s.ui.renderedCards.nth(n - 1).waitFor();
  await s.ui.renderedCards.nth(n).waitFor({ state: 'detached' });
}

describe('500 stores', () => {
  it('loads with at most 3 API requests and renders only what is on screen', async () => {
    const { page, ui } = s;
    const api: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/')) api.push(path);
    });
    await page.reload();
    await ui.storeCard(seededName(COUNT)).waitFor();
    expect(api.length).toBeLessThanOrEqual(3);
    expect(api).not.toContain('/api/listEvents');
    const rendered = await ui.renderedCards.count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(60);
    expect(await ui.statusFilter('Ready').textContent()).toBe('Ready 490');
    expect(await ui.statusFilter('Failed').textContent()).toBe('Failed 10');
  });

  it('opens the 450th store after scrolling; the detail is beside the list, in view', async () => {
    const { page, ui } = s;
    await page.getByRole('combobox', { name: 'Sort stores' }).selectOption('oldest');
    const target = seededName(450);
    const scroller = page.locator('.store-scroller');
    // Scroll like a user does, a screen at a time, until the card exists (bounded).
    for (let i = 0; i < 200 && !(await ui.storeCard(target).isVisible()); i++)
      await scroller.hover().then(() => page.mouse.wheel(0, 600));
    await ui
      .storeCard(target)
      .getByRole('button', { name: `Details of ${target}` })
      .click();
    const detail = ui.detail(target);
    await detail.root.waitFor();
    expect(await inViewport('#store-detail')).toBe(true);
    await shot(ui, 'many-stores-450th');
  });

  it('searches by name or slug and filters by status', async () => {
    const { ui } = s;
    await ui.detail(seededName(450)).root.getByRole('button', { name: 'Close details' }).click();
    await ui.search.fill('shop-45');
    await ui.storeCard(seededName(459)).waitFor();
    // 450–459 by slug ("shop-045" does not contain "shop-45").
    await cardCount(10);
    expect(await ui.page.getByRole('button', { name: /^All / }).textContent()).toBe('All 10 of 500');
    // A status chip pressed on top of the search: "All" still counts what the search matches.
    await ui.statusFilter('Failed').click();
    await cardCount(1);
    expect(await ui.page.getByRole('button', { name: /^All / }).textContent()).toBe('All 10 of 500');
    await ui.statusFilter('Failed').click();
    await ui.search.fill('');
    await ui.statusFilter('Failed').click();
    await cardCount(10);
    const badges = await ui.renderedCards.getByLabel(/^Status: /).allTextContents();
    expect(badges).toEqual(Array(10).fill('Failed'));
    await ui.statusFilter('Failed').click();
  });

  it('keyboard: / focuses search, arrows move between cards, Enter opens, Esc closes', async () => {
    const { page, ui } = s;
    await page.getByRole('combobox', { name: 'Sort stores' }).selectOption('name');
    await page.keyboard.press('/');
    expect(await page.evaluate(`document.activeElement?.getAttribute('aria-label')`)).toBe('Search stores');
    await page.keyboard.type('Shop 12');
    await ui.storeCard(seededName(129)).waitFor();
    await page.keyboard.press('ArrowDown');
    // Focus moves a frame after the key (the card may have to scroll into existence first);
    // read activeElement (":focus" needs a focused window, which headless Chromium need not have).
    const focused = async (name: string) => {
      let seen: unknown = null;
      for (let frame = 0; frame < 60 && seen !== name; frame++) {
        seen = await page.evaluate(
          `document.activeElement?.closest('article')?.querySelector('h3')?.textContent`,
        );
        if (seen !== name) await page.evaluate('new Promise((done) => requestAnimationFrame(done))');
      }
      expect(seen).toBe(name);
    };
    await focused(seededName(120));
    await page.keyboard.press('ArrowRight');
    await focused(seededName(121));
    await page.keyboard.press('ArrowDown'); // one row down: four columns on this screen
    await focused(seededName(125));
    await page.keyboard.press('Enter');
    await ui.detail(seededName(125)).root.waitFor();
    await page.keyboard.press('Escape');
    await ui.detail(seededName(125)).root.waitFor({ state: 'detached' });
    await focused(seededName(125));
  });

  it('ran without console errors', () => {
    expect(s.problems).toEqual([]);
  });
});
