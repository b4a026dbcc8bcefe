import { existsSync, readFileSync, statSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startHeadless, type Headless } from './fixtures/headless';
import { shoot } from './fixtures/screenshots';

/**
 * The Simulation page against the headless backend: set-up with bad input refused, a run whose progress
 * is pushed while it runs, its results (equity beside buy-and-hold, drawdown, metrics, trades), report
 * exports checked on disk, a sweep's heatmap, and two runs compared.
 */
test.describe.serial('simulation', () => {
  let backend: Headless;
  let page: Page;
  const pushes: { push: string; payload: { runId?: string; done?: number; total?: number } }[] = [];

  test.beforeAll(async ({ browser }) => {
    backend = await startHeadless(['--demo']);
    page = await browser.newPage();
    page.on('websocket', (ws) =>
      ws.on('framereceived', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.includes('"simulation.'))
          pushes.push(JSON.parse(frame.payload));
      }),
    );
    await page.goto(backend.uiUrl);
    await page.getByRole('link', { name: 'Simulation' }).click();
    await expect(page.getByRole('form', { name: 'Simulation set-up' })).toBeVisible({ timeout: 30_000 });
  });

  test.afterAll(async () => {
    await page?.close();
    await backend?.stop();
  });

  test('refuses a bad set-up with messages beside the fields', async () => {
    const form = page.getByRole('form', { name: 'Simulation set-up' });
    await form.getByLabel('KO', { exact: true }).uncheck();
    await form.getByLabel('Cash per position ($)').fill('ten thousand');
    await form.getByLabel('From', { exact: true }).fill('2020-01-01');
    await form.getByLabel('To', { exact: true }).fill('2019-01-01');
    await form.getByRole('button', { name: 'Run the simulation' }).click();
    await expect(form.getByText('Choose at least one symbol')).toBeVisible();
    await expect(
      form
        .getByText('Cash per position ($) must be a number')
        .or(form.getByText('Initial cash must be a number')),
    ).toBeVisible();
    await expect(form.getByText('To must not be before From')).toBeVisible();
    // The backend's own rules: a threshold of 150 % is out of range.
    await form.getByLabel('KO', { exact: true }).check();
    await form.getByLabel('Cash per position ($)').fill('10000');
    await form.getByLabel('From', { exact: true }).fill('2016-01-04');
    await form.getByLabel('To', { exact: true }).fill('2019-12-31');
    await form.getByLabel('Trigger threshold (%)').fill('150');
    await form.getByRole('button', { name: 'Run the simulation' }).click();
    await expect(form.locator('.field-error').first()).toBeVisible();
    await shoot(page, '10-simulation-validation');
    await form.getByLabel('Trigger threshold (%)').fill('3');
  });

  test('runs with live progress, shows results and exports reports that are checked on disk', async () => {
    const form = page.getByRole('form', { name: 'Simulation set-up' });
    for (const symbol of ['PEP', 'JPM']) await form.getByLabel(symbol, { exact: true }).check();
    await runAndWait(page, form.getByRole('button', { name: 'Run the simulation' }));
    const progress = pushes.filter((p) => p.push === 'simulation.progressed');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.some((p) => (p.payload.done ?? 0) < (p.payload.total ?? 0))).toBe(true);
    expect(pushes.some((p) => p.push === 'simulation.finished')).toBe(true);

    await expect(page.getByTestId('metrics')).toContainText('Sharpe');
    await expect(page.locator('.chart canvas').first()).toBeVisible();
    await shoot(page, '11-simulation-results');
    // SPEC 8's round trips of the run and their statistics (issue 16), each figure with how it is computed.
    const trips = page.getByTestId('sim-round-trips');
    await expect(
      trips.getByRole('table', { name: 'Round trips of the run' }).locator('tbody tr').first(),
    ).toBeVisible();
    await expect(trips.getByTestId('sim-round-trip-stats')).toContainText(/\d+ round trips?/);
    await expect(trips.getByTestId('sim-round-trip-stats')).toContainText('win rate');
    await expect(trips.locator('.figure').first()).toHaveAttribute('title', /.+/);
    await trips.scrollIntoViewIfNeeded();
    for (const size of [
      { width: 1024, height: 700 },
      { width: 1440, height: 900 },
    ]) {
      await page.setViewportSize(size);
      await trips.scrollIntoViewIfNeeded();
      await shoot(page, `11b-simulation-round-trips-${size.width}x${size.height}`);
    }

    for (const format of ['CSV', 'HTML', 'XLSX', 'PDF', 'JSON']) {
      await page.getByRole('button', { name: format, exact: true }).click();
      const status = page.getByTestId('export-status');
      await expect(status).toContainText(`.${format.toLowerCase()}`, { timeout: 60_000 });
      const file = /Saved (\S+)/.exec((await status.textContent()) ?? '')?.[1] as string;
      expect(existsSync(file), file).toBe(true);
      expect(statSync(file).size).toBeGreaterThan(200);
      if (format === 'HTML') expect(readFileSync(file, 'utf8')).toContain('<html');
      if (format === 'PDF') expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      if (format === 'HTML') expect(readFileSync(file, 'utf8')).toContain('Round-trip statistics');
      if (format === 'JSON')
        expect(JSON.parse(readFileSync(file, 'utf8')).accounting.roundTrips.length).toBeGreaterThan(0);
      if (format === 'CSV') expect(readFileSync(file, 'utf8').length).toBeGreaterThan(20);
      if (format === 'CSV') expect(existsSync(file.replace(/\.csv$/, '.round-trips.csv'))).toBe(true);
    }
    // Browser mode also offers the file for download through the loopback server (token required).
    const download = page.waitForEvent('download');
    await page.getByTestId('export-status').getByRole('link', { name: 'Download' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.json$/);
  });

  test('a sweep draws its heatmap, and two runs compare', async () => {
    const form = page.getByRole('form', { name: 'Simulation set-up' });
    for (const symbol of ['PEP', 'JPM']) await form.getByLabel(symbol, { exact: true }).uncheck();
    await form.getByLabel('From', { exact: true }).fill('2010-01-04');
    await form.getByLabel('To', { exact: true }).fill('2019-12-31');
    await form.getByLabel(/Parameter sweep/).check();
    await form.getByLabel('Thresholds to try (%)').fill('2, 3, 5, 8');
    await form.getByLabel('Rebalance ratios to try').fill('1, 1.6667, 2.5');
    await runAndWait(page, form.getByRole('button', { name: 'Run the sweep' }));
    await expect(page.getByTestId('heatmap')).toBeVisible();
    await expect(page.getByTestId('heatmap').getByRole('cell')).toHaveCount(12);
    await shoot(page, '12-simulation-sweep');

    await form.getByLabel('One run', { exact: true }).check();
    await runAndWait(page, form.getByRole('button', { name: 'Run the simulation' }));
    const rows = page.getByTestId('run-row').filter({ hasText: /^Run/ });
    await expect(rows).toHaveCount(2);
    for (const row of [rows.nth(0), rows.nth(1)]) {
      const box = row.getByRole('checkbox', { name: 'Compare this run' });
      await box.click();
      await expect(box).toBeChecked();
    }
    await expect(page.getByText('Compare runs (growth since each run’s start)')).toBeVisible();
    await shoot(page, '13-simulation-compare');
  });
});

/** Starts a run with `button`, waits for it to end, and fails with its error when it did not succeed. */
async function runAndWait(page: Page, button: Locator): Promise<void> {
  const rows = page.getByTestId('run-row');
  const before = await rows.count();
  await button.click();
  await expect(rows).toHaveCount(before + 1);
  const row = rows.first();
  const status = row.locator('.badge');
  await expect(status).toHaveText(/^(done|failed|cancelled)$/, { timeout: 90_000 });
  if ((await status.textContent()) !== 'done')
    throw new Error(`the run ended ${await status.textContent()}: ${await row.textContent()}`);
}
