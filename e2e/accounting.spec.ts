import { existsSync, readFileSync, statSync } from 'node:fs';
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
    // The tax report from the UI, in each format, checked on disk.
    for (const format of ['csv', 'xlsx', 'pdf']) {
      await page.getByRole('button', { name: `Tax report .${format}` }).click();
      const status = page.getByTestId('export-status');
      await expect(status).toContainText(`.${format}`, { timeout: 60_000 });
      const file = /Saved (\S+)/.exec((await status.textContent()) ?? '')?.[1] as string;
      expect(existsSync(file), file).toBe(true);
      expect(statSync(file).size).toBeGreaterThan(100);
      if (format === 'pdf') expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      if (format === 'csv') expect(readFileSync(file, 'utf8')).toContain('Wash-sale loss disallowed');
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
  });

  test('Settings › Accounting: lot method, a benchmark with history, the day-trade limit, each save a ConfigChanged', async () => {
    const base = backend.uiUrl.split('#')[0];
    await page.goto(`${base}#/settings`);
    await page.getByRole('tab', { name: 'Accounting' }).click();
    const form = page.getByTestId('accounting-settings').first();
    await expect(form.getByLabel(/FIFO/)).toBeChecked();
    // A symbol without history is refused beside its field, nothing saved.
    await form.getByLabel('Benchmark symbol').fill('ZZZZ');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toContainText('No price history for ZZZZ');
    // A limit that is not a whole number: one message in the user's words.
    await form.getByLabel('Benchmark symbol').fill('KO');
    await form.getByLabel(/Limit day trades/).check();
    await form.getByLabel(/At most/).fill('2.5');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toContainText(
      'Day-trade limit must be a whole number of day trades between 0 and 1,000',
    );
    await form.getByLabel(/At most/).fill('2');
    await form.getByLabel(/While equity is below/).fill('30000');
    await form.getByLabel(/Block: the buy/).check();
    await form.getByLabel(/HIFO/).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByRole('status')).toContainText('recomputed with the new lot method');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await shoot(page, `accounting-settings-${size.width}x${size.height}`);
    }
    // Kept: a fresh page shows the saved values.
    await page.reload();
    await page.getByRole('tab', { name: 'Accounting' }).click();
    const again = page.getByTestId('accounting-settings').first();
    await expect(again.getByLabel(/HIFO/)).toBeChecked();
    await expect(again.getByLabel('Benchmark symbol')).toHaveValue('KO');
    await expect(again.getByLabel(/At most/)).toHaveValue('2');
    // The change is in the event log.
    await page.goto(`${base}#/events`);
    await page.getByLabel('Type').selectOption({ label: 'Settings changes' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByText('Settings changed: portfolio accounting').first()).toBeVisible();
    // The Performance page compares with the new benchmark.
    await page.goto(`${base}#/performance`);
    await expect(page.getByRole('heading', { name: 'Return against KO' })).toBeVisible({ timeout: 30_000 });
    expect(consoleWatch.cspViolations()).toEqual([]);
  });
});
