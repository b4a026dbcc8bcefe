import { expect, test, type Page } from '@playwright/test';
import { startHeadless, type Headless } from './fixtures/headless';
import { shoot } from './fixtures/screenshots';

/**
 * The Risk page (SPEC 9, issue 17) on the demo once it holds shares, at the two sizes the product is
 * checked at: VaR table, P&L histogram, correlation heatmap, component VaR, stress bars, the alert list
 * and the risk limits edited in place with their distance. Nothing may overflow sideways.
 */
for (const size of [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
]) {
  test.describe.serial(`risk page at ${size.width}×${size.height}`, () => {
    let backend: Headless;
    let page: Page;

    test.beforeAll(async ({ browser }) => {
      backend = await startHeadless(['--demo', '--replay-speed', '600']);
      page = await browser.newPage({ viewport: size });
      await page.goto(backend.uiUrl);
    });

    test.afterAll(async () => {
      await page?.close();
      await backend?.stop();
    });

    /** The page scrolls down, never sideways; no card is wider than its column. */
    async function expectNoSidewaysOverflow(): Promise<void> {
      // A string: the e2e project has no DOM types (as in fixtures/screenshots).
      const overflow = (await page.evaluate(`(() => {
        const out = [];
        const main = document.querySelector('main');
        if (main && main.scrollWidth > main.clientWidth + 1) out.push('main ' + main.scrollWidth + ' > ' + main.clientWidth);
        for (const el of document.querySelectorAll('.card, .table-wrap'))
          if (el.scrollWidth > el.clientWidth + 1)
            out.push((el.querySelector('h2,h3')?.textContent ?? el.className) + ' ' + el.scrollWidth + ' > ' + el.clientWidth);
        return out;
      })()`)) as string[];
      expect(overflow).toEqual([]);
    }

    test('shows the figures once the demo holds shares, without sideways overflow', async () => {
      await expect(page.getByTestId('recent')).toContainText('Bought', { timeout: 60_000 });
      await page.getByRole('link', { name: 'Risk' }).click();
      await expect(page.getByRole('heading', { name: 'Risk', exact: true })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Value at risk' })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('table', { name: 'Value at risk' })).toContainText('Parametric VaR');
      await expect(page.getByRole('img', { name: 'Histogram of daily P&L' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Correlation matrix' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Component VaR' })).toContainText('KO');
      await expect(page.getByText('Global financial crisis')).toBeVisible();
      // Every stress row has a figure or says it has no data: never "$0.00" with a proxy flag.
      for (const row of await page.locator('.risk-stress-row').all()) {
        const text = (await row.textContent()) ?? '';
        expect(text.includes('proxy') && /\+?\$0\.00/.test(text)).toBe(false);
      }
      await expect(page.getByRole('form', { name: 'Risk limits' })).toContainText('Daily loss stop');
      await expect(page.getByTestId('no-alerts')).toBeVisible();
      await expectNoSidewaysOverflow();
      await shoot(page, `risk-${size.width}`);
    });

    test('a limit set on the page shows its distance; a VaR alert crosses once and is listed', async () => {
      const form = page.getByRole('form', { name: 'Risk limits' });
      await form.getByLabel('Daily loss stop (%)').fill('5');
      // A VaR alert far below today's VaR: it crosses at the next check (the next tick).
      await form.getByLabel('VaR alert (%)').fill('0.01');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await expect(form.getByRole('status')).toHaveText('Saved.');
      await expect(page.getByTestId('distance-alertVarPct')).toContainText('past the VaR alert by');
      await expect(page.getByTestId('distance-dailyLossLimitPct')).toContainText(/Now: /);
      const alerts = page.getByRole('table', { name: 'Risk alerts' });
      await expect(async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        await expect(alerts).toContainText('VaR (99 %, 1 day)', { timeout: 2_000 });
      }).toPass({ timeout: 60_000 });
      await expect(alerts.locator('tbody tr')).toHaveCount(1);
      await expect(alerts).toContainText('0.01 %');
      await expect(alerts).toContainText('crossed');
      // Still once after more ticks.
      await page.waitForTimeout(3_000);
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect(alerts.locator('tbody tr')).toHaveCount(1);
      await expectNoSidewaysOverflow();
      await shoot(page, `risk-alerts-${size.width}`);
    });
  });
}
