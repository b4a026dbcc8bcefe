import { expect, test, type Page } from '@playwright/test';
import { startHeadless, type Headless } from './fixtures/headless';
import { shoot } from './fixtures/screenshots';

/**
 * The Risk page (SPEC 9, issue 17) on the demo once it holds shares, at the two sizes the product is
 * checked at: VaR table, P&L histogram, correlation heatmap, component VaR, stress bars and limits.
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

    test('shows the figures once the demo holds shares', async () => {
      await expect(page.getByTestId('recent')).toContainText('Bought', { timeout: 60_000 });
      await page.getByRole('link', { name: 'Risk' }).click();
      await expect(page.getByRole('heading', { name: 'Risk', exact: true })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Value at risk' })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('img', { name: 'Histogram of daily P&L' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Correlation matrix' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Component VaR' })).toContainText('KO');
      await expect(page.getByText('Global financial crisis')).toBeVisible();
      await expect(page.getByRole('table', { name: 'Risk limits' })).toContainText('Daily loss stop');
      await shoot(page, `risk-${size.width}`);
    });
  });
}
