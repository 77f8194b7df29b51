// End to end: the account manager's sentiment, the product as `npm start` runs it (migrate, seed the demo plan, the
// scoring run stores every account's health, preview), driven in Debian's Chromium. An account manager records Red
// on a Healthy account from the success panel; the panel flags the disagreement; the account holds the values in the
// org (SOQL); the workspace's Customers tab lists the account with why, counted as SOQL counts by the definition in
// docs/metrics.md ("CSM sentiment"); the viewer is offered no form; axe finds nothing serious or critical.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../scripts/lib/paths';
import { localToday } from '../../force-app/main/default/lwc/accountSuccessPanel/clock';
import { CHROMIUM, CHROMIUM_ARGS, startProduct, type Product } from './harness';
import { axeViolations, chromiumPresent, serious, squash } from './browser';

const RESULTS = path.join(PROJECT_ROOT, 'test-results');
const haveChromium = chromiumPresent();
const COMMENT = 'Browser test: the executive sponsor is leaving';

/** A day `days` from an ISO day, by the calendar (UTC). */
function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('CSM sentiment in a browser', { skip: !haveChromium && 'Chromium is not installed' }, () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  let account: { Id: string; Name: string };
  const today = localToday();

  const viewAs = async (user: 'manager' | 'viewer'): Promise<void> => {
    const url = new URL(product.server.url);
    await page.context().clearCookies();
    await page.context().addCookies([{ name: 'preview_user', value: user, domain: url.hostname, path: '/' }]);
  };

  /** Opens the account's panel and waits until its sentiment section and the user's Account object info are in. */
  const openAccount = async (accountId: string): Promise<void> => {
    await page.goto('about:blank');
    const info = page.waitForResponse((response) => response.url().includes('/preview/api/ui/object-info/Account'));
    await page.goto(`${product.server.url}#/account/${accountId}`);
    await page.locator('c-csm-sentiment section.sentiment').waitFor({ timeout: 30000 });
    await info;
    // The wire answer renders on the next frames.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  };

  before(async () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    product = await startProduct();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    const healthy = await product.connection.query<{ Id: string; Name: string }>(
      "SELECT Id, Name FROM Account WHERE Health_Band__c = 'Healthy' AND Lifecycle_Stage__c != null AND CSM_Sentiment__c = null ORDER BY Name LIMIT 1"
    );
    assert.equal(healthy.totalSize, 1, 'the scoring run stores a Healthy band on the demo book');
    account = healthy.records[0];
  });

  after(async () => {
    await browser?.close();
    await product?.close();
  });

  it('lets the account manager record Red on a Healthy account: the panel flags it and the org holds it', async () => {
    await viewAs('manager');
    await openAccount(account.Id);
    const section = page.locator('c-csm-sentiment');
    assert.equal(await section.locator('.no-sentiment').count(), 1, 'nothing recorded yet');
    assert.equal(await section.locator('.disagreement').count(), 0);
    await section.locator('lightning-button.record-sentiment button').click();
    const form = section.locator('.sentiment-form');
    await form.waitFor();
    // The day defaults to today (the field shows it in the user's locale; its value is the ISO day).
    const day = await form
      .locator('lightning-input.sentiment-date')
      .evaluate((input) => (input as HTMLElement & { value: string }).value);
    assert.equal(day, today);
    await form.locator('lightning-radio-group.sentiment-choice label', { hasText: 'Red' }).click();
    await form.locator('lightning-textarea.sentiment-comment textarea').fill(COMMENT);
    const formViolations = await axeViolations(page);
    assert.deepEqual(serious(formViolations), [], JSON.stringify(formViolations));
    await form.locator('lightning-button.save-sentiment button').click();
    await form.waitFor({ state: 'detached', timeout: 20000 });

    // The panel reloads: Red with the comment and the day, flagged against the band it shows.
    const flag = section.locator('.disagreement');
    await flag.waitFor({ timeout: 20000 });
    assert.match(squash(await flag.innerText()), /^Red against Healthy:/);
    assert.equal(squash(await section.locator('.sentiment-badge').innerText()), 'Red');
    assert.equal(squash(await section.locator('.comment').innerText()), COMMENT);

    const manager = await product.connection.query<{ Id: string }>(
      "SELECT Id FROM User WHERE Username = 'manager@customer-success.preview'"
    );
    const saved = await product.connection.query<{
      CSM_Sentiment__c: string;
      CSM_Sentiment_Comment__c: string;
      CSM_Sentiment_Date__c: string;
      Health_Band__c: string;
      LastModifiedById: string;
    }>(
      `SELECT CSM_Sentiment__c, CSM_Sentiment_Comment__c, CSM_Sentiment_Date__c, Health_Band__c, LastModifiedById FROM Account WHERE Id = '${account.Id}'`
    );
    assert.deepEqual(saved.records[0], {
      ...saved.records[0],
      CSM_Sentiment__c: 'Red',
      CSM_Sentiment_Comment__c: COMMENT,
      CSM_Sentiment_Date__c: today,
      Health_Band__c: 'Healthy',
      LastModifiedById: manager.records[0].Id
    });
    await page.screenshot({ path: path.join(RESULTS, 'account-sentiment.png'), fullPage: true });
    const violations = await axeViolations(page);
    assert.deepEqual(serious(violations), [], JSON.stringify(violations));
  });

  it("lists the account in the workspace's Customers tab with why, counted as the org counts it", async () => {
    // By the definition: a Red on Healthy or a Green on At Risk, recorded in the last 90 days.
    const disagreeing = await product.connection.query<{ Name: string }>(
      `SELECT Name FROM Account WHERE CSM_Sentiment_Date__c >= ${shiftDay(today, -90)} AND ((CSM_Sentiment__c = 'Red' AND Health_Band__c = 'Healthy') OR (CSM_Sentiment__c = 'Green' AND Health_Band__c = 'At_Risk'))`
    );
    assert.ok(disagreeing.records.some((record) => record.Name === account.Name));
    await page.goto(`${product.server.url}#/workspace`);
    await page.waitForSelector('c-charter-workspace lightning-tabset');
    await page
      .getByRole('tab', { name: /customers/i })
      .first()
      .click();
    const table = page.locator('c-charter-customers table.sentiment-disagreements');
    await table.waitFor({ timeout: 20000 });
    const shown = Math.min(disagreeing.totalSize, 10);
    assert.equal(
      squash(await table.locator('.disagreement-caption').innerText()),
      `Showing ${shown} of ${disagreeing.totalSize}, most recently recorded first.`
    );
    const row = table.locator('tr.disagreement', { hasText: account.Name });
    assert.deepEqual((await row.locator('th, td').allInnerTexts()).map(squash).slice(0, 4), [
      account.Name,
      'Red',
      'Healthy',
      'Red against Healthy'
    ]);
    await page.screenshot({ path: path.join(RESULTS, 'workspace-sentiment.png'), fullPage: true });
    const violations = await axeViolations(page);
    assert.deepEqual(serious(violations), [], JSON.stringify(violations));
  });

  it('shows the viewer the sentiment and the flag, and offers no form', async () => {
    await viewAs('viewer');
    try {
      await openAccount(account.Id);
      const section = page.locator('c-csm-sentiment');
      await section.locator('.disagreement').waitFor({ timeout: 20000 });
      assert.equal(squash(await section.locator('.sentiment-badge').innerText()), 'Red');
      assert.equal(await section.locator('lightning-button.record-sentiment').count(), 0, 'no Record sentiment');
      assert.equal(await section.locator('.sentiment-form').count(), 0);
      const violations = await axeViolations(page);
      assert.deepEqual(serious(violations), [], JSON.stringify(violations));
    } finally {
      await page.context().clearCookies();
    }
  });
});
