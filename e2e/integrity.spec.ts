import { expect, test, type Page } from '@playwright/test';
import { raisePositionCash } from '../main/db/testing/tamper';
import { startHeadless, type Headless } from './fixtures/headless';
import { shoot } from './fixtures/screenshots';

/**
 * Issue 19: a position whose cash was raised by $1,000,000 in the file while the app was stopped. At the
 * next start the ledger's check fails: every page shows what failed and where, trading is halted, and
 * the evidence can be exported (downloaded by a one-time link without the token).
 */
test.describe.serial('ledger self-check', () => {
  let backend: Headless;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    const first = await startHeadless(['--demo']);
    await first.stop();
    raisePositionCash(`${first.dataDir}/demo.db`, 100_000_000);
    backend = await startHeadless([], first.dataDir);
    page = await browser.newPage();
    await page.goto(backend.uiUrl);
  });

  test.afterAll(async () => {
    await page?.close();
    await backend?.stop();
  });

  test('a failed check is shown on every page, with where and the evidence to export', async () => {
    const banner = page.getByTestId('integrity-failed');
    await expect(banner).toContainText('trading is halted. Nothing was repaired.');
    // The sidebar says so too, never "Trading on" (issue 17).
    await expect(page.getByTestId('loop-pill')).toContainText('Trading halted');
    await expect(page.getByTestId('paper-note')).toContainText(
      "Trading is halted: the ledger's check failed.",
    );
    await expect(banner).toContainText(
      /a position against the replay of its events — position \w+ \(.+\), cash_cents/,
    );
    await expect(banner).toContainText(
      /\$1,0\d\d,000\.00 in the positions table but \$25,000\.00 by the replay/,
    );
    for (const [width, height] of [
      [1024, 700],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await shoot(page, `integrity-failed-${width}x${height}`);
    }
    await page.getByRole('link', { name: 'Positions' }).click();
    await expect(page.getByTestId('integrity-failed')).toBeVisible();

    await page.getByRole('button', { name: 'Export evidence' }).click();
    const status = page.getByTestId('export-status');
    await expect(status).toContainText(/Saved .*integrity-evidence-.*\.json/);
    const href = (await status.getByRole('link', { name: 'Download' }).getAttribute('href')) ?? '';
    expect(href).not.toContain('token');
    const evidence = await page.evaluate(async (url) => (await fetch(url)).json(), href);
    expect(evidence).toMatchObject({ status: { state: 'failed' } });
    const problems = (evidence as { status: { problems: { check: string }[] } }).status.problems;
    expect(problems.map((p) => p.check)).toEqual(['replay', 'replay', 'replay', 'replay']); // the four demo positions
    // The link worked once.
    expect(await page.evaluate(async (url) => (await fetch(url)).status, href)).toBe(410);
  });
});
