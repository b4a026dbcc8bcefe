import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { watchConsole } from './fixtures/cspWatch';
import { ROOT, startHeadless, type Headless } from './fixtures/headless';
import { shoot } from './fixtures/screenshots';

/** The bundled KO prices between two dates, as a CSV a user would import. */
function koPrices(from: string, to: string): string {
  const [header, ...rows] = readFileSync(path.join(ROOT, 'resources/data/prices/KO.csv'), 'utf8')
    .trim()
    .split('\n');
  return [header, ...rows.filter((r) => r.slice(0, 10) >= from && r.slice(0, 10) <= to)].join('\n');
}

/**
 * Issue 15 "every setting reachable", second half, in a browser at 1024×700 and 1440×900 on the demo: the
 * manual order ticket with its preview and refusals in shares, "evaluate now" with what it decided, the
 * Simulation page's inputs (a CSV import with its bad lines named, the volume cap, a walk-forward) and the
 * sweep heatmap centred on buy-and-hold with its legend. Screenshots of each.
 */
for (const size of [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
]) {
  test.describe.serial(`order desk and simulation inputs at ${size.width}×${size.height}`, () => {
    let backend: Headless;
    let page: Page;
    let consoleWatch: ReturnType<typeof watchConsole>;
    const name = (shot: string) => `desk-${size.width}-${shot}`;

    test.beforeAll(async ({ browser }) => {
      backend = await startHeadless(['--demo', '--replay-speed', '600']);
      page = await browser.newPage({ viewport: size });
      consoleWatch = watchConsole(page);
      await page.goto(backend.uiUrl);
      await expect(page.getByTestId('recent')).toContainText('Bought', { timeout: 90_000 });
    });

    test.afterAll(async () => {
      await page?.close();
      await backend?.stop();
    });

    test('the order ticket previews cost, commission and allocation, refuses in shares, and queues an order', async () => {
      await page.getByRole('link', { name: 'Positions' }).click();
      await page.getByRole('button', { name: 'Actions for KO' }).click();
      await page.getByRole('menuitem', { name: 'Order ticket…' }).click();
      const dialog = page.getByRole('dialog', { name: /Order ticket — KO/ });
      const shares = dialog.getByLabel('Shares to trade');
      await shares.fill('1.5');
      await expect(dialog.getByText('Shares to trade must be whole shares')).toBeVisible();
      await shares.fill('10,5');
      await expect(dialog.getByText(/"10,5" is ambiguous/)).toBeVisible();
      await dialog.getByLabel('Sell').check();
      await shares.fill('100000');
      await expect(dialog.getByText(/^Only [\d,]+ shares of KO are held: sell at most/)).toBeVisible();
      await dialog.getByLabel('Buy').check();
      await shares.fill('10');
      const preview = dialog.getByTestId('ticket-preview');
      await expect(preview).toContainText(
        /Buys 10 shares of KO at about \$[\d.]+ for \$[\d,.]+ \+ \$[\d.]+ commission/,
      );
      await expect(preview).toContainText(/Stock share[\s\S]*%\s*→\s*[\d.]+ %/);
      await shoot(page, name('01-order-ticket'));
      await submitDuringMarketHours(dialog, dialog.getByRole('button', { name: 'Buy at market' }));
      await expect(dialog.getByRole('status')).toContainText(/Order queued: buy 10 shares of KO at about \$/);
      await shoot(page, name('02-order-queued'));
      await dialog.getByRole('button', { name: 'Close' }).click();
    });

    test('evaluate now says what the evaluation decided, in words', async () => {
      await page.getByRole('button', { name: 'Actions for KO' }).click();
      await page.getByRole('menuitem', { name: 'Evaluate now' }).click();
      const dialog = page.getByRole('dialog', { name: /Evaluate now — KO/ });
      await expect(dialog.getByTestId('evaluate-result')).toContainText(
        /Decided( to trade)?: (HOLD|BUY|SELL|SKIP)[^—]*(—|$)/,
      );
      await shoot(page, name('03-evaluate-now'));
      await dialog.getByRole('button', { name: 'Close' }).click();
      // The manual order shows on the position's orders, with its reason in words.
      await page.getByRole('link', { name: 'KO' }).click();
      await page.getByRole('tab', { name: 'Orders' }).click();
      await expect(page.getByRole('table', { name: 'Orders' })).toContainText(
        'Order at market from the order ticket, asked by hand',
        { timeout: 30_000 },
      );
      await shoot(page, name('04-orders'));
    });

    test('the simulation imports a CSV, naming its bad lines, and simulates on it with a volume cap', async () => {
      await page.getByRole('link', { name: 'Simulation' }).click();
      const form = page.getByRole('form', { name: 'Simulation set-up' });
      await expect(form).toBeVisible({ timeout: 30_000 });
      await form.getByLabel('Bars from').selectOption({ label: 'Imported CSV files' });
      const panel = form.getByRole('group', { name: 'Import a CSV' });
      await panel.getByLabel('Symbol').fill('KOCSV');
      const good = koPrices('2015-01-02', '2019-12-31').split('\n');
      const bad = [...good.slice(0, 3), '2015-01-06,abc,41,40,40.5,,100', ...good.slice(4, 8)].join('\n');
      await panel
        .getByLabel('Prices file')
        .setInputFiles({ name: 'ko-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
      await panel.getByRole('button', { name: 'Import' }).click();
      await expect(panel.getByRole('alert')).toContainText(/ko-bad\.csv was not imported: line 4: /);
      await shoot(page, name('05-csv-bad-line'));
      await panel
        .getByLabel('Prices file')
        .setInputFiles({ name: 'ko.csv', mimeType: 'text/csv', buffer: Buffer.from(good.join('\n')) });
      await panel.getByLabel('Dividends file (optional)').setInputFiles({
        name: 'ko-dividends.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'ex_date,pay_date,amount\n2016-03-11,,0.35\n2017-03-13,,0.37\n2018-03-14,,0.39\n',
        ),
      });
      await panel.getByRole('button', { name: 'Import' }).click();
      await expect(panel.getByRole('status')).toContainText(
        /Imported [\d,]+ 1d bars of KOCSV \(2015-01-02 to 2019-12-31\) and 3 dividends/,
      );
      await form.getByLabel('KOCSV').check();
      await form.getByLabel(/Volume cap/).fill('150');
      await form.getByRole('button', { name: 'Run the simulation' }).click();
      await expect(form.getByText(/Volume cap must be above 0 % and at most 100 %/)).toBeVisible();
      await form.getByLabel(/Volume cap/).fill('5');
      await shoot(page, name('06-simulation-inputs'));
      await form.getByRole('button', { name: 'Run the simulation' }).click();
      await expect(page.getByTestId('metrics')).toBeVisible({ timeout: 60_000 });
    });

    test('a walk-forward is set up in months and shows its windows', async () => {
      const form = page.getByRole('form', { name: 'Simulation set-up' });
      // The live loop's own quote log is a source too, intraday, with the symbols it has quoted.
      await form.getByLabel('Bars from').selectOption({ label: 'Your quote log' });
      await expect(form.getByLabel('Bars', { exact: true }).locator('option')).toContainText([
        'daily',
        '1 hour',
        '5 minutes',
      ]);
      await expect(form.getByLabel('KO', { exact: true })).toBeVisible();
      await form.getByLabel('Bars from').selectOption({ label: 'Bundled dataset' });
      await form.getByLabel('KO', { exact: true }).check();
      await form.getByLabel(/Walk-forward/).check();
      await form.getByLabel('In-sample months').fill('1.5');
      await form.getByRole('button', { name: 'Run the walk-forward' }).click();
      await expect(form.getByText('In-sample months must be a whole number between 1 and 600')).toBeVisible();
      await form.getByLabel('In-sample months').fill('12');
      await form.getByLabel('Out-of-sample months').fill('12');
      await form.getByRole('button', { name: 'Run the walk-forward' }).click();
      await expect(page.getByTestId('walk-forward')).toContainText('12 months in sample', {
        timeout: 90_000,
      });
      await shoot(page, name('07-walk-forward'));
    });

    test('the sweep heatmap is centred on buy-and-hold, with its legend', async () => {
      const form = page.getByRole('form', { name: 'Simulation set-up' });
      await form.getByLabel(/Parameter sweep/).check();
      await form.getByRole('button', { name: 'Run the sweep' }).click();
      await expect(page.getByTestId('heatmap')).toBeVisible({ timeout: 90_000 });
      await expect(page.getByTestId('heatmap-summary')).toContainText(
        /Buy and hold: [+−-]?[\d.]+ % — \d+ of 12 parameter sets did better/,
      );
      const legend = page.getByTestId('heatmap-legend');
      await expect(legend).toContainText('buy and hold');
      await expect(legend).toContainText(/worse[\s\S]*better/);
      await page.getByTestId('heatmap').scrollIntoViewIfNeeded();
      await shoot(page, name('08-heatmap'));
      expect(consoleWatch.cspViolations()).toEqual([]);
      expect(backend.stderr()).not.toMatch(/IPC handler|its schema refuses|dropped: its payload/);
    });
  });
}

/** An order by hand needs the market open (the demo keeps ten minutes either side of the night): retries. */
async function submitDuringMarketHours(dialog: Locator, submit: Locator): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    await submit.click();
    const outcome = await Promise.race([
      dialog
        .getByText(/The market is closed/)
        .waitFor({ timeout: 5_000 })
        .then(() => 'closed' as const),
      dialog
        .getByRole('status')
        .waitFor({ timeout: 5_000 })
        .then(() => 'done' as const),
    ]).catch(() => 'done' as const);
    if (outcome === 'done') return;
    await dialog.page().waitForTimeout(1_000);
  }
}
