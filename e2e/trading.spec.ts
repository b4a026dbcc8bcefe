import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './fixtures/cspWatch';
import { startHeadless, type Headless } from './fixtures/headless';
import { shoot } from './fixtures/screenshots';

/**
 * The live loop end to end, in a browser against the headless backend replaying the bundled history
 * (a 5-minute tick every real second): first run, a portfolio and positions (bad input refused with
 * visible messages), evaluations arriving in the timeline, a fill and its notification, the event log.
 */
test.describe.serial('trading from an empty data folder', () => {
  let backend: Headless;
  let page: Page;
  let consoleWatch: ReturnType<typeof watchConsole>;

  test.beforeAll(async ({ browser }) => {
    backend = await startHeadless(['--replay-start', '2020-02-24', '--replay-speed', '300']);
    page = await browser.newPage();
    consoleWatch = watchConsole(page);
  });

  test.afterAll(async () => {
    await page?.close();
    await backend?.stop();
  });

  test('first run offers the demo or an own portfolio; an own portfolio is created', async () => {
    await page.goto(backend.uiUrl);
    await expect(page.getByRole('heading', { name: 'Welcome to Volatility Balancing' })).toBeVisible();
    expect(page.url()).not.toContain('token=');
    await shoot(page, '00-first-run');
    await page.getByLabel('Portfolio name').fill('E2E portfolio');
    await page.getByRole('button', { name: 'Create portfolio' }).click();
    await expect(page.getByRole('heading', { name: 'Positions' })).toBeVisible();
    await expect(page.getByText('No positions yet')).toBeVisible();
  });

  test('refuses bad position input with visible messages, then creates positions', async () => {
    await page.getByRole('button', { name: 'New position' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New position' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Create position' }).click();
    await expect(dialog.getByText('Symbol is required, e.g. AAPL')).toBeVisible();
    await expect(
      dialog.getByText('Initial cash ($) is required').or(dialog.getByText('Initial cash is required')),
    ).toBeVisible();

    await dialog.getByLabel('Symbol').fill('AAPL');
    await dialog.getByLabel('Initial cash ($)').fill('lots');
    await dialog.getByRole('button', { name: 'Create position' }).click();
    await expect(dialog.getByText('Initial cash must be a number')).toBeVisible();

    // Passes the form's own check; the backend refuses it and its message lands beside the field.
    await dialog.getByLabel('Initial cash ($)').fill('10.125');
    await dialog.getByRole('button', { name: 'Create position' }).click();
    await expect(dialog.getByText(/at most 2 decimals/)).toBeVisible();
    await expect(dialog.getByLabel('Initial cash ($)')).toHaveAttribute('aria-invalid', 'true');
    await shoot(page, '02-new-position-validation');

    await dialog.getByLabel('Initial cash ($)').fill('20000');
    await dialog.getByRole('button', { name: 'Create position' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('position-AAPL')).toBeVisible();

    await page.getByRole('button', { name: 'New position' }).first().click();
    await dialog.getByLabel('Symbol').fill('KO');
    await dialog.getByLabel('Initial cash ($)').fill('15000');
    await dialog.getByRole('button', { name: 'Create position' }).click();
    await expect(page.getByTestId('position-KO')).toBeVisible();
  });

  test('a fill arrives with its notification', async () => {
    // At the first regular-session tick the initial allocation buys; the paper broker fills it.
    const toast = page.getByTestId('toast').filter({ hasText: /Bought .*AAPL|AAPL/ });
    await expect(toast.first()).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('position-AAPL'))
      .toContainText('BUY', { timeout: 30_000 })
      .catch(() => undefined);
    await expect(page.getByTestId('position-AAPL').locator('td').nth(2)).not.toHaveText('0', {
      timeout: 30_000,
    });
    await shoot(page, '01-positions-after-fill');
  });

  test('evaluations arrive in the timeline, each expands to its reasons in words', async () => {
    await page.getByRole('link', { name: 'AAPL' }).first().click();
    await expect(page.getByRole('heading', { name: 'AAPL' })).toBeVisible();
    const rows = page.getByTestId('timeline').getByRole('listitem');
    await expect(rows.first()).toBeVisible();
    const before = await page.getByTestId('timeline-count').textContent();
    // New evaluations are pushed while the page is open (one tick per real second).
    await expect(page.getByTestId('timeline-count')).not.toHaveText(before ?? '', { timeout: 20_000 });
    await rows.first().getByRole('button').click();
    const detail = page.getByTestId('evaluation-detail').first();
    await expect(detail).toBeVisible();
    await expect(detail).toContainText('Reasons');
    await expect(detail).toContainText(
      /Price inside the trigger band|Anchor not set yet|Market closed|Quantity rounded/,
    );
    await expect(page.locator('.chart canvas').first()).toBeVisible();
    await shoot(page, '03-position-detail');

    await page.getByRole('tab', { name: 'Trades' }).click();
    await expect(page.getByRole('table', { name: 'Trades' })).toContainText('BUY');
    await page.getByRole('tab', { name: 'Orders' }).click();
    await expect(page.getByRole('table', { name: 'Orders' })).toContainText('filled');
    await shoot(page, '04-position-orders');
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Down threshold (%)').fill('5');
    await expect(page.getByTestId('trigger-preview')).toContainText('buys at or below');
    await shoot(page, '05-position-settings');
  });

  test('the dashboard shows value, allocation, activity and the provider’s health', async () => {
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByTestId('portfolio-value')).toContainText('$');
    await expect(page.getByTestId('provider-health')).toContainText('Healthy (circuit closed)');
    await expect(page.getByTestId('provider-health')).toContainText('Last success');
    await expect(page.getByTestId('today')).toContainText('Fills');
    await expect(page.getByTestId('recent')).toContainText('Bought');
    await shoot(page, '06-dashboard');
  });

  test('the event log filters, searches, verifies its chain and exports a file', async () => {
    await page.getByRole('link', { name: 'Event log' }).click();
    await expect(page.getByText(/Hash chain intact/)).toBeVisible();
    await page.getByLabel('Type').selectOption({ label: 'Orders and fills' });
    await page.getByLabel('Search').fill('AAPL');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const list = page.getByTestId('event-list');
    await expect(list).toContainText('OrderFilled');
    await expect(list).not.toContainText('EvaluationEvent');
    await shoot(page, '07-event-log');

    await page.getByRole('button', { name: 'Export CSV' }).click();
    const status = page.getByTestId('export-status');
    await expect(status).toContainText('Saved');
    const file = /Saved (\S+\.csv)/.exec((await status.textContent()) ?? '')?.[1];
    expect(file).toBeTruthy();
    const csv = readFileSync(file as string, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'id,ts,recorded_at,type,symbol,position_id,correlation_id,summary,payload,hash',
    );
    expect(csv).toContain('OrderFilled,AAPL');
    expect(csv).not.toContain('EvaluationEvent');

    await page.getByLabel('From', { exact: true }).fill('2020-03-01');
    await page.getByLabel('To', { exact: true }).fill('2020-02-01');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByText('from must not be after to')).toBeVisible();
  });

  test('the dividends page shows its calendar', async () => {
    await page.getByRole('link', { name: 'Dividends' }).click();
    await expect(page.getByRole('grid', { name: 'Ex-dividend and pay dates' })).toBeVisible();
    await shoot(page, '08-dividends');
  });

  test('is keyboard navigable: skip link, navigation, dialogs, timeline rows', async () => {
    // A fresh load (the token stays in the tab's session): the first Tab reaches the skip link.
    await page.goto(`${backend.url}/#/dashboard`);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Dashboard' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Positions' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Positions' })).toBeVisible();

    await page.getByRole('button', { name: 'New position' }).first().focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New position' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Symbol')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.getByRole('link', { name: 'KO' }).first().click();
    const rows = page.getByTestId('timeline').locator('.vrow-head');
    await rows.first().focus();
    // Rows may arrive meanwhile (one tick a second): compare positions, not elements.
    const focusedIndex = () =>
      page.evaluate('Number(document.activeElement?.closest("[data-index]")?.getAttribute("data-index"))');
    const from = Number(await focusedIndex());
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedIndex).toBe(from + 1);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('evaluation-detail').first()).toBeVisible();
    await page.getByRole('tab', { name: 'Evaluation timeline' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Orders' })).toBeFocused();
    await expect(page.getByRole('tab', { name: 'Orders' })).toHaveAttribute('aria-selected', 'true');
  });

  test('the API refuses the page’s own origin without the token; no CSP violation, no contract violation', async () => {
    const status = await page.evaluate(async () => {
      const r = await fetch('/ipc/app.getStatus', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return r.status;
    });
    expect(status).toBe(401);
    expect(consoleWatch.cspViolations()).toEqual([]);
    expect(consoleWatch.errors.filter((e) => !e.includes('401'))).toEqual([]);
    // Every answer and push matched the contract (the backend runs with --strict and logs any that did not).
    expect(backend.stderr()).not.toMatch(/IPC handler|its schema refuses|dropped: its payload/);
  });
});
