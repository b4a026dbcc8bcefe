import { expect, test, type Locator, type Page } from '@playwright/test';
import { startHeadless, type Headless } from './fixtures/headless';
import { shoot } from './fixtures/screenshots';

/**
 * The simulation set-up's risk limits (issue 17, ADR 0155): the section is closed and every limit off by
 * default; a limit out of range is refused beside its field; a trailing stop set in the set-up sells KO
 * on the bundled data, and the exit shows in the results (the Risk events table and its trade's row).
 */
test.describe.serial('simulation risk limits', () => {
  let backend: Headless;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    backend = await startHeadless(['--demo']);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(backend.uiUrl);
    await page.getByRole('link', { name: 'Simulation' }).click();
    await expect(page.getByRole('form', { name: 'Simulation set-up' })).toBeVisible({ timeout: 30_000 });
  });

  test.afterAll(async () => {
    await page?.close();
    await backend?.stop();
  });

  test('risk limits are off by default and checked in the user’s units', async () => {
    const form = page.getByRole('form', { name: 'Simulation set-up' });
    const section = form.getByTestId('sim-risk-limits');
    await expect(section).toContainText('Risk limits');
    await expect(section).toContainText('off: no stop, no halt, no order limit');
    await expect(section.getByLabel('Trailing stop (%)')).toBeHidden();
    await section.locator('summary').click();
    for (const label of [
      'Position stop (%)',
      'Trailing stop (%)',
      'Daily loss stop (%)',
      'Drawdown circuit breaker (%)',
      'Orders per minute (all)',
      'Largest position (shares)',
      'Largest stock exposure (%)',
    ])
      await expect(section.getByLabel(label, { exact: true })).toHaveValue('');
    // Not a number: the form's own message. Out of range: the backend's, beside the field.
    await section.getByLabel('Trailing stop (%)').fill('eight');
    await form.getByRole('button', { name: 'Run the simulation' }).click();
    await expect(section.getByText('Trailing stop must be a number')).toBeVisible();
    await section.getByLabel('Trailing stop (%)').fill('150');
    await form.getByRole('button', { name: 'Run the simulation' }).click();
    await expect(
      section.getByText('Trailing stop must be above 0 % and at most 100 % (or off)'),
    ).toBeVisible();
    await expect(page.getByTestId('run-row')).toHaveCount(0);
    for (const size of [
      { width: 1024, height: 700 },
      { width: 1440, height: 900 },
    ]) {
      await page.setViewportSize(size);
      await shoot(page, `70-simulation-risk-setup-${size.width}`);
    }
  });

  test('a trailing stop set in the set-up sells KO, shown in the results', async () => {
    const form = page.getByRole('form', { name: 'Simulation set-up' });
    const section = form.getByTestId('sim-risk-limits');
    await section.getByLabel('Trailing stop (%)').fill('8');
    await expect(section).toContainText('(1 set)');
    await runAndWait(page, form.getByRole('button', { name: 'Run the simulation' }));
    const risk = page.getByTestId('sim-risk-events');
    await expect(risk.getByTestId('sim-risk-counts')).toHaveText(
      '1 stop exit · 0 orders rejected by the validator · 0 halts',
    );
    const row = risk.getByRole('row').filter({ hasText: 'Trailing stop exit' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('KO');
    await expect(row).toContainText(
      /Risk exit: price at or below the trailing stop: sold [\d,.]+ shares at \$\d/,
    );
    const trades = page.getByRole('table', { name: 'Trades of the run' });
    await expect(trades.getByRole('row').filter({ hasText: 'Trailing stop exit' })).toHaveCount(1);
    for (const size of [
      { width: 1024, height: 700 },
      { width: 1440, height: 900 },
    ]) {
      await page.setViewportSize(size);
      await risk.scrollIntoViewIfNeeded();
      await shoot(page, `71-simulation-risk-results-${size.width}`);
    }
  });
});

/** Starts a run with `button`, waits for it to end, and fails with its error when it did not succeed. */
async function runAndWait(page: Page, button: Locator): Promise<void> {
  const rows = page.getByTestId('run-row');
  const before = await rows.count();
  await button.click();
  await expect(rows).toHaveCount(before + 1);
  const status = rows.first().locator('.badge');
  await expect(status).toHaveText(/^(done|failed|cancelled)$/, { timeout: 90_000 });
  if ((await status.textContent()) !== 'done')
    throw new Error(`the run ended ${await status.textContent()}: ${await rows.first().textContent()}`);
}
