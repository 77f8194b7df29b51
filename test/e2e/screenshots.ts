// npm run docs:screenshots — regenerates the README's screenshots from the running product
// (local org + demo plan + demo usage + scoring run + preview), so they always show what the code renders.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { PROJECT_ROOT } from '../../scripts/lib/paths';
import os from 'node:os';
import { writeSample } from '../../scripts/usage/sample';
import { lastSunday } from '../../scripts/usage/generate';
import { CHROMIUM, CHROMIUM_ARGS, startProduct } from './harness';

const OUT = path.join(PROJECT_ROOT, 'docs', 'screenshots');

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  fs.mkdirSync(OUT, { recursive: true });
  // As npm start does: the demo book's product usage for the eight weeks to last Sunday.
  const usage = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-screenshots-')), 'demo-events.csv');
  writeSample(usage, lastSunday(new Date().toISOString().slice(0, 10)));
  const product = await startProduct({ usage });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    const accounts = await product.connection.query<{ Id: string }>(
      "SELECT Id FROM Account WHERE Lifecycle_Stage__c = 'Adoption' ORDER BY ARR__c DESC LIMIT 1"
    );
    await page.goto(`${product.server.url}#/account/${accounts.records[0].Id}`);
    await page.waitForSelector('c-health-summary .score');
    await page.screenshot({ path: path.join(OUT, 'account-success-panel.png') });
    await page.setViewportSize({ width: 420, height: 900 });
    await page.screenshot({ path: path.join(OUT, 'account-success-panel-narrow.png') });
    await page.setViewportSize({ width: 1360, height: 900 });
    await page.goto(`${product.server.url}#/workspace`);
    await page.waitForSelector('c-charter-workspace lightning-tabset');
    await page.screenshot({ path: path.join(OUT, 'charter-workspace.png') });
    for (const tab of ['Objectives', 'Team', 'Roadmap', 'Risks', 'Customers']) {
      const link = page.getByRole('tab', { name: new RegExp(tab, 'i') });
      if (!(await link.count())) continue;
      await link.first().click();
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(OUT, `charter-workspace-${tab.toLowerCase()}.png`) });
    }
    process.stdout.write(`screenshots written to ${path.relative(PROJECT_ROOT, OUT)}\n`);
  } finally {
    await browser.close();
    await product.close();
  }
}

main().catch((error) => {
  process.stderr.write(`docs:screenshots failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
