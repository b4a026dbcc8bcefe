import { expect, test, type Locator, type Page } from '@playwright/test';
import { startHeadless, type Headless } from './fixtures/headless';
import { shoot } from './fixtures/screenshots';

/**
 * Issue 15 "Layout": every page of the app (renderer/src/app/routes.ts) at 1024×700 and 1440×900 on the
 * demo, screenshotted (test-results/screenshots/layout-*), with what can be checked by machine: nothing
 * wider than the window, the navigation never covered, the Positions actions inside the window, a
 * position's chart with its fill markers, a simulation's results. The screenshots are looked at too.
 */
for (const size of [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
]) {
  test.describe.serial(`layout at ${size.width}×${size.height}`, () => {
    let backend: Headless;
    let page: Page;
    const name = (shot: string) => `layout-${size.width}-${shot}`;

    test.beforeAll(async ({ browser }) => {
      backend = await startHeadless(['--demo', '--replay-speed', '600']);
      page = await browser.newPage({ viewport: size });
      await page.goto(backend.uiUrl);
    });

    test.afterAll(async () => {
      await page?.close();
      await backend?.stop();
    });

    test('Dashboard', async () => {
      await expect(page.getByTestId('recent')).toContainText('Bought', { timeout: 90_000 });
      await expectFits(page);
      await shoot(page, name('1-dashboard'));
    });

    test('Positions: every action inside the window', async () => {
      await page.getByRole('link', { name: 'Positions' }).click();
      const menu = page.getByRole('button', { name: 'Actions for KO' });
      await expectInViewport(page, menu);
      await expectFits(page);
      await shoot(page, name('2-positions'));
    });

    test('a position: its chart with the fill markers inside the chart', async () => {
      await page.getByRole('link', { name: 'KO' }).click();
      const chart = page.locator('.chart').first();
      await expect(chart.locator('canvas').first()).toBeVisible({ timeout: 30_000 });
      await expectFits(page);
      await shoot(page, name('3-position-detail'));
    });

    test('Dividends, Event log and Settings', async () => {
      await page.getByRole('link', { name: 'Dividends' }).click();
      await expect(page.getByRole('heading', { name: 'Dividends' })).toBeVisible();
      await expectFits(page);
      await shoot(page, name('4-dividends'));
      await page.getByRole('link', { name: 'Event log' }).click();
      await expect(page.getByTestId('event-list')).toBeVisible();
      await expectFits(page);
      await shoot(page, name('5-event-log'));
      await page.getByRole('link', { name: 'Settings' }).click();
      await expectFits(page);
      await shoot(page, name('6-settings'));
    });

    test('Simulation: set-up and a run’s results; the page’s banners stay on it', async () => {
      await page.getByRole('link', { name: 'Simulation' }).click();
      const form = page.getByRole('form', { name: 'Simulation set-up' });
      await expect(form).toBeVisible({ timeout: 30_000 });
      await expectFits(page);
      await shoot(page, name('7-simulation'));
      await form.getByLabel('From', { exact: true }).fill('2016-01-04');
      await form.getByLabel('To', { exact: true }).fill('2019-12-31');
      const rows = page.getByTestId('run-row');
      const before = await rows.count();
      await form.getByRole('button', { name: 'Run the simulation' }).click();
      await expect(rows).toHaveCount(before + 1);
      await expect(rows.first().locator('.badge')).toHaveText('done', { timeout: 90_000 });
      await expect(page.getByTestId('metrics')).toContainText('Sharpe');
      await expectFits(page);
      await shoot(page, name('8-simulation-results'));
      // A banner raised on one page is not carried to the next.
      await page.getByRole('link', { name: 'Dashboard' }).click();
      await expect(page.getByTestId('paper-note')).toBeVisible();
      await expect(page.getByTestId('export-status')).toHaveCount(0);
      await expectNavigationClear(page);
    });
  });
}

/** Nothing on the page is wider than the window (no sideways scrolling, nothing cut at the right). */
async function expectFits(page: Page): Promise<void> {
  // A script, not a function: the e2e code is type-checked without the DOM's types.
  const overflow = (await page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const wide = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1 && getComputedStyle(el).position !== 'fixed')
        wide.push(el.tagName.toLowerCase() + '.' + el.className);
    }
    return { scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5) };
  })()`)) as { scroll: number; wide: string[] };
  expect(overflow.scroll, `wider than the window: ${overflow.wide.join(', ')}`).toBeLessThanOrEqual(0);
}

/** No toast or banner lies over the navigation. */
async function expectNavigationClear(page: Page): Promise<void> {
  const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
  expect(nav).not.toBeNull();
  if (!nav) return;
  for (const t of await page.getByTestId('toast').all()) {
    const box = await t.boundingBox();
    if (box) expect(box.x).toBeGreaterThanOrEqual(nav.x + nav.width);
  }
}

/** The whole element lies inside the viewport (no action cut off at 1024 px). */
async function expectInViewport(page: Page, locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}
