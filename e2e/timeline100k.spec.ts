import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, startHeadless, type Headless } from './fixtures/headless';
import { shoot } from './fixtures/screenshots';

const COUNT = 100_000;

/**
 * A position with 100 000 evaluations: the timeline opens on the first page and scrolls through pages
 * fetched on demand, never holding the whole history. Measured: time to the first rows, JS heap, rows
 * loaded and rows in the DOM after scrolling; printed and written to test-results/timeline-100k.json.
 */
test.describe.serial('timeline with 100 000 evaluations', () => {
  let backend: Headless;
  let positionId: string;
  let seedSeconds: number;

  test.beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'vb-e2e-100k-'));
    const seeded = JSON.parse(
      execFileSync(
        process.execPath,
        ['--import', 'tsx', path.join(ROOT, 'e2e', 'fixtures', 'seedTimeline.ts'), dataDir, String(COUNT)],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, NODE_NO_WARNINGS: '1' },
        },
      ).trim(),
    ) as { positionId: string; seconds: number };
    positionId = seeded.positionId;
    seedSeconds = seeded.seconds;
    backend = await startHeadless([], dataDir);
  });

  test.afterAll(async () => {
    await backend?.stop();
  });

  test('opens and scrolls without loading them all', async ({ page }) => {
    await page.goto(backend.uiUrl);
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    const heap = () =>
      page.evaluate(
        () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
      );
    const heapBefore = await heap();

    const started = Date.now();
    await page.evaluate(`window.location.hash = ${JSON.stringify(`#/positions/${positionId}`)}`);
    const rows = page.getByTestId('timeline').getByRole('listitem');
    await expect(rows.first()).toBeVisible();
    const firstRowsMs = Date.now() - started;
    const heapOpen = await heap();
    await expect(page.getByTestId('timeline-count')).toHaveText(/^200 loaded/);

    // Scroll far down in big steps: pages load as the end of what is loaded comes near.
    const list = page.getByTestId('timeline');
    const scrollStarted = Date.now();
    for (let i = 0; i < 40; i++) {
      await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
      await page.waitForTimeout(60);
    }
    // Anchored: "8,200 loaded" also contains "200 loaded".
    await expect(page.getByTestId('timeline-count')).not.toHaveText(/^200 loaded/);
    const scrollMs = Date.now() - scrollStarted;
    const loaded = Number(
      ((await page.getByTestId('timeline-count').textContent()) ?? '').replace(/[^0-9]/g, ''),
    );
    const domRows = await rows.count();
    const heapScrolled = await heap();
    await shoot(page, '09-timeline-100k');

    const figures = {
      evaluations: COUNT,
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      firstRowsMs,
      heapBeforeMB: mb(heapBefore),
      heapAfterOpenMB: mb(heapOpen),
      heapAfterScrollMB: mb(heapScrolled),
      rowsLoadedAfterScroll: loaded,
      rowsInDom: domRows,
      scrollMs,
    };
    process.stdout.write(`timeline-100k: ${JSON.stringify(figures)}\n`);
    writeFileSync(path.join(ROOT, 'test-results', 'timeline-100k.json'), JSON.stringify(figures, null, 2));
    test.info().annotations.push({ type: 'measurement', description: JSON.stringify(figures) });

    expect(loaded).toBeGreaterThan(200);
    expect(loaded).toBeLessThan(COUNT / 5);
    expect(domRows).toBeLessThan(80);
    expect(firstRowsMs).toBeLessThan(10_000);
  });
});

function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
