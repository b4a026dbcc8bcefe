import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ROOT, startHeadless, type Headless } from './fixtures/headless';
import { shoot } from './fixtures/screenshots';

/**
 * The risk manager's circuit breaker (SPEC 9, issue 17): a halted portfolio is shown unmistakably on the
 * Dashboard (the reason in words, a Resume button), the sidebar says it is halted, and Resume resumes.
 */
test.describe.serial('halted portfolio', () => {
  let backend: Headless;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'vb-e2e-halt-'));
    execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'e2e', 'fixtures', 'seedHalt.ts'), dataDir],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_NO_WARNINGS: '1' },
      },
    );
    backend = await startHeadless([], dataDir);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(backend.uiUrl);
  });

  test.afterAll(async () => {
    await page?.close();
    await backend?.stop();
  });

  test('the Dashboard shows the halt with its reason; the sidebar too; Resume resumes', async () => {
    const banner = page.getByTestId('halt-banner');
    await expect(banner).toContainText('Trading of Core is halted.');
    await expect(banner).toContainText(
      'equity $17,820.00 is 10.90 % below the peak $20,000.00 (the max-drawdown circuit breaker is 10 %)',
    );
    await expect(page.getByTestId('loop-pill')).toContainText('Halted: Core');
    await expect(page.getByTestId('paper-note')).toContainText(
      'The portfolio is halted: no order until you resume it.',
    );
    for (const [width, height] of [
      [1024, 700],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await shoot(page, `dashboard-halted-${width}x${height}`);
    }

    await page.getByRole('button', { name: 'Resume trading of Core' }).click();
    await expect(page.getByTestId('halt-banner')).toHaveCount(0);
    await expect(page.getByTestId('loop-pill')).not.toContainText('Halted');
    // The resume is a fact of the log, with its notification.
    await page.getByRole('link', { name: 'Event log' }).click();
    await expect(
      page.getByText(/Trading resumed by user after the max-drawdown circuit breaker/).first(),
    ).toBeVisible();
  });
});
