import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './fixtures/cspWatch';
import { startHeadless, type Headless } from './fixtures/headless';
import { shoot } from './fixtures/screenshots';

/**
 * Issue 16 in a browser: after the demo has traded for a few virtual weeks, the Dashboard shows the
 * accounting figures, the Performance page the return against SPY, the drawdown, monthly returns,
 * round trips and contribution, and a position's page its open lots and realised trades — at the two
 * sizes the product is checked at.
 */
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
] as const;

test.describe.serial('accounting after the demo has traded', () => {
  let backend: Headless;
  let page: Page;
  let consoleWatch: ReturnType<typeof watchConsole>;

  test.beforeAll(async ({ browser }) => {
    backend = await startHeadless(['--demo', '--replay-start', '2020-01-02', '--replay-speed', '20000']);
    page = await browser.newPage();
    consoleWatch = watchConsole(page);
  });

  test.afterAll(async () => {
    await page?.close();
    await backend?.stop();
  });

  test('the Performance page shows returns against SPY, drawdown, monthly returns, round trips', async () => {
    test.setTimeout(180_000);
    await page.goto(backend.uiUrl);
    // Trades and a few session closes: the round trips table fills once the demo has sold.
    await expect(async () => {
      await page.goto(`${backend.uiUrl.split('#')[0]}#/performance`);
      await expect(page.getByTestId('round-trips').locator('tbody tr').first()).toBeVisible({
        timeout: 3_000,
      });
    }).toPass({ timeout: 150_000, intervals: [3_000] });
    await expect(page.getByRole('heading', { name: 'Performance' })).toBeVisible();
    await expect(page.getByTestId('perf-twr')).toHaveAttribute(
      'title',
      /deposits and withdrawals are not returns/,
    );
    await expect(page.getByTestId('monthly-returns')).toBeVisible();
    await expect(page.getByTestId('contribution')).toContainText('AAPL');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await shoot(page, `accounting-performance-${size.width}x${size.height}`);
    }
  });

  test('the Dashboard shows value, P&L, dividends and returns, each with how it is computed', async () => {
    await page.goto(`${backend.uiUrl.split('#')[0]}#/dashboard`);
    const figures = page.getByTestId('accounting-figures');
    await expect(figures).toBeVisible();
    await expect(page.getByTestId('realised-pnl')).toHaveAttribute('title', /closed lot part/);
    await expect(page.getByTestId('twr-since-start')).toHaveText(/[+−]?\d+\.\d\d %/);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await shoot(page, `accounting-dashboard-${size.width}x${size.height}`);
    }
  });

  test("a position's page lists its open lots and realised trades", async () => {
    await page.goto(`${backend.uiUrl.split('#')[0]}#/performance`);
    await page.getByTestId('contribution').getByRole('link', { name: 'AAPL' }).click();
    await expect(page.getByTestId('lots-table')).toBeVisible();
    await expect(page.getByTestId('lots-table').locator('tbody tr').first()).toContainText(/2020-/);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.getByTestId('lots-table').scrollIntoViewIfNeeded();
      await shoot(page, `accounting-lots-${size.width}x${size.height}`);
    }
    expect(consoleWatch.cspViolations()).toEqual([]);
  });
});
