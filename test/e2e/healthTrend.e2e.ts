// End to end: health over time on the success panel. The product loads the worked example (data/worked-example.yaml
// and its usage) on its pinned day, 15 June 2026, so the scoring run stores Alder Analytics' snapshot at 83. Two
// older snapshots are written straight into the org (15 April 61 Watch, 15 May not enough data), then Alder's goal
// "Cut report build time" is moved to a target date before today, so the live score differs from the stored one.
// The panel must chart the three snapshots and explain 83 -> 81 with the figures below, worked by hand from
// docs/metrics.md (Health score, Health over time on the panel) and docs/worked-example.md, never from successModel:
//
// Stored on 15 June (worked example): points 25, 20, 12.8, 15, 10: 83, Healthy; timeliness "3 of 3 goals achieved or
// on schedule", attainment "Average progress 83.3% across 3 goals".
// Live, with Cut report build time overdue (target 10 June, still open):
// - Goal Attainment averages the goals on schedule or achieved, the two achieved ones: 100, so 0.3 x 100 = 30 points
//   (+5); facts "Average progress 100% across 2 goals" and "1 overdue or missed goal: Goal Timeliness counts it".
// - Goal Timeliness: 3 scheduled, 1 overdue: 2 / 3 = 66.7, so 0.2 x 66.67 = 13.3 points (-6.7); facts "2 of 3 goals
//   achieved or on schedule" and "1 of 3 goals overdue".
// - Risk Exposure 12.8, Product Adoption 15, Ideal Customer Fit 10: unchanged, not listed.
// - Score 30 + 13.33 + 12.8 + 15 + 10 = 81.13, so 81, Healthy.
// The same scoring model computed the stored and the live score, so the move is the customer's, biggest first.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../scripts/lib/paths';
import { CHROMIUM, CHROMIUM_ARGS, startProduct, type Product } from './harness';
import { axeViolations, chromiumPresent, serious, squash } from './browser';

const TODAY = '2026-06-15';
const RESULTS = path.join(PROJECT_ROOT, 'test-results');
const haveChromium = chromiumPresent();

const EXPECTED = {
  summary: 'Health score over the last 3 snapshots, from 61 on Apr 15, 2026 to 83 on Jun 15, 2026',
  rows: [
    ['Apr 15, 2026', '61', 'Watch'],
    ['May 15, 2026', 'Not enough data to score', ''],
    ['Jun 15, 2026', '83', 'Healthy']
  ],
  since: 'Since Jun 15, 2026: 83 → 81',
  moved: [
    'Goal Timeliness -6.7: 2 of 3 goals achieved or on schedule; 1 of 3 goals overdue',
    'Goal Attainment +5: Average progress 100% across 2 goals; 1 overdue or missed goal: Goal Timeliness counts it'
  ],
  score: '81 / 100'
};

describe('health over time on the success panel', { skip: !haveChromium && 'Chromium is not installed' }, () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  let alderId: string;

  before(async () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    product = await startProduct({
      plan: path.join(PROJECT_ROOT, 'data', 'worked-example.yaml'),
      usage: path.join(PROJECT_ROOT, 'data', 'worked-example-usage.csv'),
      today: TODAY
    });
    const { connection } = product;
    const alder = await connection.query<{ Id: string }>("SELECT Id FROM Account WHERE Name = 'Alder Analytics'");
    alderId = alder.records[0].Id;
    // The scoring run's own snapshot of the day; the older ones are written as that run would have, same model.
    const stored = await connection.query<{ Health_Score__c: number; Health_Model__c: string }>(
      `SELECT Health_Score__c, Health_Model__c FROM Health_Snapshot__c WHERE Account__c = '${alderId}'`
    );
    assert.equal(stored.totalSize, 1, 'the scoring run stored one snapshot of Alder Analytics');
    assert.equal(stored.records[0].Health_Score__c, 83, 'the worked example scores Alder Analytics 83');
    const model = stored.records[0].Health_Model__c;
    const older = (date: string, score: number | null, band: string | null) => ({
      Name: `Health ${date}`,
      Account__c: alderId,
      Snapshot_Key__c: `${alderId}-${date}`,
      Snapshot_Date__c: date,
      Health_Score__c: score,
      Health_Band__c: band,
      Health_Model__c: model,
      Dimensions__c: '[]',
      Reason__c: 'Monthly'
    });
    const written = await connection
      .sobject('Health_Snapshot__c')
      .create([older('2026-04-15', 61, 'Watch'), older('2026-05-15', null, null)]);
    assert.ok(
      written.every((result) => result.success),
      JSON.stringify(written)
    );
    const goal = await connection.query<{ Id: string }>(
      `SELECT Id FROM Customer_Goal__c WHERE Account__c = '${alderId}' AND Name = 'Cut report build time'`
    );
    const moved = await connection
      .sobject('Customer_Goal__c')
      .update({ Id: goal.records[0].Id, Target_Date__c: '2026-06-10' });
    assert.ok(!Array.isArray(moved) && moved.success, JSON.stringify(moved));

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
      locale: 'en-US',
      timezoneId: 'UTC'
    });
    await context.clock.setFixedTime(new Date(`${TODAY}T12:00:00Z`));
    page = await context.newPage();
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  });

  after(async () => {
    await browser?.close();
    await product?.close();
  });

  it('charts the stored snapshots and explains 83 -> 81 by the dimensions that moved it, with their facts', async () => {
    await page.goto(`${product.server.url}#/account/${alderId}`);
    const panel = page.locator('c-account-success-panel');
    const trend = panel.locator('.section-health c-health-trend');
    await trend.locator('.since').waitFor({ timeout: 30000 });

    assert.equal(squash(await panel.locator('c-health-summary .score').innerText()), EXPECTED.score);
    const chart = trend.locator('svg.trend-chart');
    assert.equal(await chart.getAttribute('role'), 'img');
    assert.equal(await chart.getAttribute('aria-label'), EXPECTED.summary);
    // Two scored snapshots have a point; the unscored one has none and breaks the line, so no line is drawn.
    assert.equal(await chart.locator('circle').count(), 2);
    assert.equal(await chart.locator('line').count(), 0);
    const rows = await trend
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell.textContent ?? '').trim())));
    assert.deepEqual(rows, EXPECTED.rows);

    assert.equal(squash(await trend.locator('.since').innerText()), EXPECTED.since);
    assert.equal(await trend.locator('.model-changed').count(), 0, 'the same model scored both');
    const moved = (await trend.locator('.moved li').allInnerTexts()).map(squash);
    assert.deepEqual(moved, EXPECTED.moved);

    await page.screenshot({ path: path.join(RESULTS, 'health-trend.png'), fullPage: true });
    const violations = await axeViolations(page);
    assert.deepEqual(serious(violations), [], JSON.stringify(violations));
  });
});
