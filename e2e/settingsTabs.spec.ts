import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ROOT, startHeadless, type Headless } from './fixtures/headless';
import { shoot } from './fixtures/screenshots';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;

/**
 * Every setting reachable (issue 15): Settings › Trading (commission at each level, paper slippage,
 * price policy, withholding, a dividend by hand), Strategy defaults (every field, changed vs default,
 * reset), every per-position override field (inherited vs overridden), and the dead-letter queue
 * (inspect, place again) — with screenshots of each tab at 1440×900 and 1024×700.
 */
test.describe.serial('settings tabs', () => {
  let backend: Headless;
  let page: Page;
  let positionId: string;

  test.beforeAll(async ({ browser }) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'vb-e2e-settings-'));
    const seeded = JSON.parse(
      execFileSync(
        process.execPath,
        ['--import', 'tsx', path.join(ROOT, 'e2e', 'fixtures', 'seedDeadLetter.ts'), dataDir],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, NODE_NO_WARNINGS: '1' },
        },
      ).trim(),
    ) as { positionId: string; intentId: string };
    positionId = seeded.positionId;
    backend = await startHeadless([], dataDir);
    page = await browser.newPage({ viewport: SIZES[0] });
    await page.goto(backend.uiUrl);
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
  });

  test.afterAll(async () => {
    await page?.close();
    await backend?.stop();
  });

  async function shootBoth(name: string): Promise<void> {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await shoot(page, `${name}-${size.width}x${size.height}`);
    }
    await page.setViewportSize(SIZES[0]);
  }

  test('Trading: commission rates refused in percent, saved at each level; slippage, policy, withholding', async () => {
    await page.getByRole('tab', { name: 'Trading' }).click();
    const global = page.getByRole('form', { name: 'Commission: Every account' });
    await global.getByLabel('Every account: rate (%)').fill('20');
    await global.getByRole('button', { name: 'Save' }).click();
    await expect(global.getByText('Commission rate must be between 0 % and 10 %')).toBeVisible();
    await global.getByLabel('Every account: rate (%)').fill('0.02');
    await global.getByLabel('Minimum per order ($)').fill('1');
    await global.getByRole('button', { name: 'Save' }).click();
    await expect(global.getByRole('status')).toContainText('Saved');

    await page.getByLabel('Symbol with its own rate').fill('ko');
    await page.getByRole('button', { name: 'Add a rate for this symbol' }).click();
    const ko = page.getByRole('form', { name: 'Commission: KO' });
    await ko.getByLabel('KO: rate (%)').fill('0.05');
    await ko.getByRole('button', { name: 'Save' }).click();
    await expect(ko.getByRole('button', { name: 'Remove' })).toBeVisible();

    const broker = page.getByRole('form', { name: 'Paper broker and every portfolio' });
    await broker.getByLabel('Paper slippage (bps)').fill('2.5');
    await broker.getByLabel('Price policy').selectOption('LAST');
    await broker.getByLabel('Dividend withholding (%)').fill('15');
    await broker.getByRole('button', { name: 'Save' }).click();
    await expect(broker.getByRole('status')).toContainText('Saved');

    const dividend = page.getByRole('form', { name: 'Record a dividend' });
    await dividend.getByLabel('Symbol').fill('KO');
    await dividend.getByLabel('Ex-date').fill('2030-06-14');
    await dividend.getByLabel('Dividend per share ($)').fill('0');
    await dividend.getByRole('button', { name: 'Record the dividend' }).click();
    await expect(dividend.getByText(/Dividend per share must be between \$0\.0001/)).toBeVisible();
    await dividend.getByLabel('Dividend per share ($)').fill('0.485');
    await dividend.getByRole('button', { name: 'Record the dividend' }).click();
    await expect(dividend.getByRole('status')).toContainText('Recorded: KO');
    await shootBoth('settings-trading');
  });

  test('Strategy defaults: every field, a refused value beside its field, changed vs default, reset', async () => {
    await page.getByRole('tab', { name: 'Strategy defaults' }).click();
    const form = page.getByRole('form', { name: 'Strategy defaults of Core' });
    await expect(form.locator('input, select')).toHaveCount(32);
    await form.getByLabel('Down threshold (%)').fill('60');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByText('Down threshold must be between 0.1 % and 50 %')).toBeVisible();
    await form.getByLabel('Down threshold (%)').fill('4');
    await form.getByLabel('Orders per day').fill('no limit');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('status')).toContainText('Saved');
    await expect(form.getByTestId('changed-trigger.downThreshold')).toBeVisible();
    await shootBoth('settings-strategy-defaults');
    await form.getByRole('button', { name: 'Reset to default: Down threshold' }).click();
    await expect(form.getByLabel('Down threshold (%)')).toHaveValue('3');
  });

  test('Dead letters: inspect the last error, place the order again', async () => {
    await page.getByRole('tab', { name: 'Dead letters' }).click();
    const table = page.getByRole('table', { name: 'Dead letters' });
    await expect(table.getByRole('row')).toHaveCount(2);
    await table.getByRole('button', { name: 'inspect' }).click();
    await expect(page.getByTestId('dead-letter-detail')).toContainText(
      'broker unavailable: connection reset',
    );
    await shootBoth('settings-dead-letters');
    await table.getByRole('button', { name: 'Place again' }).click();
    await expect(page.getByText('KO: placed again as a new order')).toBeVisible();
    await expect(page.getByTestId('dead-letters-empty')).toBeVisible();
  });

  test('a position overrides any field: inherited vs overridden, inherit again', async () => {
    await page.goto(`${backend.uiUrl}#/positions/${positionId}`);
    await page.getByRole('tab', { name: 'Settings' }).click();
    const form = page.getByRole('form', { name: 'Settings of KO' });
    await expect(form.locator('input, select')).toHaveCount(32);
    // The portfolio's values show as inherited (its 4 % down threshold, saved above).
    await expect(form.getByLabel('Down threshold (%)')).toHaveAttribute('placeholder', '4');
    await form.getByLabel('Minimum order ($)').fill('250');
    await form.getByLabel('Below the minimum').selectOption('clip');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('status')).toContainText('Saved');
    await expect(form.getByTestId('changed-orderPolicy.minNotional')).toBeVisible();
    await expect(form.getByTestId('changed-orderPolicy.actionBelowMin')).toBeVisible();
    await shootBoth('position-overrides');
    await form.getByRole('button', { name: 'Inherit: Minimum order' }).click();
    await expect(form.getByLabel('Minimum order ($)')).toHaveValue('');
  });
});
