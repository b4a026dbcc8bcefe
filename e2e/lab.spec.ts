import { expect, test, type Page } from '@playwright/test';
import { startHeadless, type Headless } from './fixtures/headless';
import { shoot } from './fixtures/screenshots';

/**
 * The strategy lab's compare (issue 18) against the headless backend: strategies chosen with their
 * parameters, run on worker threads, equity curves on one chart with buy-and-hold, the metrics with the
 * best of each row marked, round trips, trades on the price, an export; screenshots at both sizes.
 */
test.describe.serial('compare strategies', () => {
  let backend: Headless;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    backend = await startHeadless(['--demo']);
    page = await browser.newPage();
    await page.goto(backend.uiUrl);
    await page.getByRole('link', { name: 'Compare strategies' }).click();
    await expect(page.getByRole('form', { name: 'Compare strategies' })).toBeVisible({ timeout: 30_000 });
  });

  test.afterAll(async () => {
    await page?.close();
    await backend?.stop();
  });

  test('compares volatility balancing, MACD and an SMA crossover on KO and PEP beside buy-and-hold', async () => {
    const form = page.getByRole('form', { name: 'Compare strategies' });
    await form.getByLabel('PEP', { exact: true }).check();
    await form.getByLabel('From', { exact: true }).fill('2008-01-02');
    await form.getByLabel('To', { exact: true }).fill('2018-12-31');
    await form.getByRole('button', { name: 'Add a strategy' }).click();
    // SPEC 9 for every strategy: a 10 % trailing stop (a stop exit pauses the position).
    await form.getByLabel('Trailing stop (%)').fill('10');
    await form.getByRole('button', { name: 'Compare' }).click();
    const metrics = page.getByRole('table', { name: 'Metrics of each strategy' });
    await expect(metrics).toBeVisible({ timeout: 60_000 });
    for (const label of [
      'Volatility balancing',
      'MACD (12, 26, 9) · percent 0.95',
      'SMA crossover (50, 200) · percent 0.95',
      'RSI (14, 30, 70) · percent 0.95',
      'Buy and hold',
    ])
      await expect(metrics.getByRole('columnheader', { name: label })).toBeVisible();
    // One best per ranked row, e.g. Sharpe.
    await expect(metrics.getByRole('row', { name: /Sharpe/ }).locator('td.best')).toHaveCount(1);
    await expect(
      page.getByRole('img', { name: 'Equity of each strategy and buy-and-hold' }).locator('canvas').first(),
    ).toBeVisible();
    const trips = page.getByRole('table', { name: 'Round-trip statistics' });
    await expect(trips.getByRole('row')).toHaveCount(5);
    await expect(trips.getByRole('columnheader', { name: 'Stop exits' })).toBeVisible();
    await page
      .getByRole('combobox', { name: 'Strategy whose trades are shown' })
      .selectOption({ label: 'MACD (12, 26, 9) · percent 0.95' });
    await expect(page.getByRole('img', { name: /KO closes with the trades of MACD/ })).toBeVisible();
    await page
      .getByRole('group', { name: 'Export the comparison' })
      .getByRole('button', { name: 'JSON' })
      .click();
    await expect(page.getByTestId('export-status')).toContainText('compare', { timeout: 30_000 });
    await shoot(page, '60-compare-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await shoot(page, '61-compare-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  test('refuses parameters that cannot run, in one sentence', async () => {
    const form = page.getByRole('form', { name: 'Compare strategies' });
    await form.getByRole('textbox', { name: 'Parameters', exact: true }).nth(1).fill('26, 12, 9');
    await form.getByRole('button', { name: 'Compare' }).click();
    await expect(page.getByText("macd's fast period must be shorter than its slow period")).toBeVisible({
      timeout: 30_000,
    });
  });
});
