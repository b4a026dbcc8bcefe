import { expect, test, type Page } from '@playwright/test';
import { startHeadless, type Headless } from './fixtures/headless';
import { shoot } from './fixtures/screenshots';

/** Settings change, persist across a reload, refuse bad input visibly, and the dark theme applies. */
test.describe.serial('settings', () => {
  let backend: Headless;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    backend = await startHeadless(['--demo']);
    page = await browser.newPage();
    await page.goto(backend.uiUrl);
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  });

  test.afterAll(async () => {
    await page?.close();
    await backend?.stop();
  });

  test('refuses a bad tick interval with a message beside it', async () => {
    await page.getByLabel('Tick interval (minutes)').fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('at least 1 minute')).toBeVisible();
    await expect(page.getByLabel('Tick interval (minutes)')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Tick interval (minutes)').fill('soon');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Tick interval must be a number')).toBeVisible();
    await expect(page.getByLabel('Launch at login (desktop app only)')).toBeDisabled();
  });

  test('saves preferences, applies the theme, writes the price policy to the portfolio', async () => {
    await page.getByLabel('Tick interval (minutes)').fill('2');
    await page.getByLabel('Theme').selectOption('dark');
    await page.getByLabel(/Trade in extended hours/).check();
    await page.getByLabel('Fills').uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();
    await expect(page.getByText(/take effect the next time/)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await shoot(page, '14-settings-dark');

    await page.reload();
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByLabel('Fills')).not.toBeChecked();
    await expect(page.getByLabel('Tick interval (minutes)')).toHaveValue('2');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

    await page.getByRole('link', { name: 'Event log' }).click();
    await page.getByLabel('Type').selectOption({ label: 'Settings changes' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByTestId('event-list')).toContainText('Settings changed: portfolio execution');

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByTestId('portfolio-value')).toBeVisible();
    await shoot(page, '15-dashboard-dark');
  });

  test('backs up the database from the UI', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Back up the database now' }).click();
    await expect(page.getByTestId('export-status')).toContainText(/Saved .*\.db/);

    // The backup is listed; restoring it is staged after a confirmation (applied at the next start).
    const backups = page.getByRole('table', { name: 'Backups' });
    await expect(backups.getByRole('row')).toHaveCount(2);
    await backups.getByRole('button', { name: /^Restore…/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await expect(dialog).toContainText('kept beside it as a .bak file');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await backups.getByRole('button', { name: /^Restore…/ }).click();
    await dialog.getByRole('button', { name: 'Stage the restore' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('restore-status')).toContainText(/staged.*applied at the next start/);
    await expect(page.getByRole('button', { name: 'Restart now' })).toBeVisible();
    await page.getByLabel('Theme').selectOption('light');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await shoot(page, '16-settings');
  });
});
