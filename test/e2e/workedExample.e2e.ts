// End to end against numbers worked out by hand: the product loads the worked example (data/worked-example.yaml and
// its usage export) instead of the demo plan, on a pinned day, and every account's success panel and the workspace's
// tabs must show the figures of docs/worked-example.md, read from workedExample.expected.json (written by hand from
// that page, never from successModel). axe finds no serious or critical violations on any page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../scripts/lib/paths';
import { CHROMIUM, CHROMIUM_ARGS, startProduct, type Product } from './harness';
import { axeViolations, chromiumPresent, serious } from './browser';

interface AccountExpected {
  health: string[];
  lifecycle: string[];
  fit: string[];
  revenue: string[];
  goals: Record<string, string[]>;
  risks: string[];
}

interface Expected {
  today: string;
  accounts: Record<string, AccountExpected>;
  workspace: {
    charter: string[];
    objectives: Record<string, string[]>;
    tiles: Record<string, string[]>;
    metricsRows: string[];
    team: string[];
    roadmapRows: string[];
    roadmapMonths: string[];
    risks: string[];
    customerRows: string[];
  };
}

const EXPECTED = JSON.parse(fs.readFileSync(path.join(__dirname, 'workedExample.expected.json'), 'utf8')) as Expected;
const RESULTS = path.join(PROJECT_ROOT, 'test-results', 'worked-example');
const haveChromium = chromiumPresent();

/** The visible text of an element as trimmed, non-empty lines (table cells stay tab-separated). */
async function lines(locator: Locator): Promise<string[]> {
  return (await locator.innerText())
    .split('\n')
    .map((line) => line.replace(/\s+$/, '').replace(/^\s+/, ''))
    .filter((line) => line !== '');
}

/** Every expected line appears, whole, in this order (other lines may sit between them). */
function assertInOrder(actual: string[], expected: string[], where: string): void {
  let at = 0;
  for (const line of expected) {
    const found = actual.indexOf(line, at);
    assert.ok(
      found >= 0,
      `${where}: expected the line ${JSON.stringify(line)}` +
        `${at > 0 ? ` after ${JSON.stringify(actual[at - 1])}` : ''}; the screen shows:\n  ${actual.join('\n  ')}`
    );
    at = found + 1;
  }
}

/** Table rows: each expected row is a line of the screen, or the start of one (an Edit button may follow). */
function assertRows(actual: string[], expected: string[], where: string): void {
  for (const row of expected) {
    assert.ok(
      actual.some((line) => line === row || line.startsWith(`${row}\t`) || line.includes(`\t${row}\t`)),
      `${where}: expected the row ${JSON.stringify(row)}; the screen shows:\n  ${actual.join('\n  ')}`
    );
  }
}

async function assertAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(serious(violations), [], `${where}: ${JSON.stringify(violations)}`);
}

describe('the worked example in a browser', { skip: !haveChromium && 'Chromium is not installed' }, () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  const ids = new Map<string, string>();

  before(async () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    product = await startProduct({
      plan: path.join(PROJECT_ROOT, 'data', 'worked-example.yaml'),
      usage: path.join(PROJECT_ROOT, 'data', 'worked-example-usage.csv'),
      today: EXPECTED.today
    });
    const accounts = await product.connection.query<{ Id: string; Name: string }>('SELECT Id, Name FROM Account');
    for (const account of accounts.records) ids.set(account.Name, account.Id);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    // The browser's day is the run's day too: the panel reads its own clock (UTC here, as the stored dates are).
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
      locale: 'en-US',
      timezoneId: 'UTC'
    });
    await context.clock.setFixedTime(new Date(`${EXPECTED.today}T12:00:00Z`));
    page = await context.newPage();
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  });

  after(async () => {
    await browser?.close();
    await product?.close();
  });

  it('loads exactly the five accounts of the worked example', () => {
    assert.deepEqual([...ids.keys()].sort(), Object.keys(EXPECTED.accounts).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED.accounts)) {
    it(`shows ${name}'s panel as worked by hand`, async () => {
      const id = ids.get(name);
      assert.ok(id, `${name} is in the org`);
      // A fresh page for each account: a hash change alone would show the last account until the new one loads.
      await page.goto('about:blank');
      await page.goto(`${product.server.url}#/account/${id}`);
      const panel = page.locator('c-account-success-panel');
      await panel.locator('c-health-summary').waitFor();
      const breakdown = page.getByRole('button', { name: /show breakdown/i });
      if (await breakdown.count()) await breakdown.first().click();
      const showAll = panel.locator('c-goal-list button.show-all');
      if ((await showAll.count()) && (await showAll.getAttribute('aria-expanded')) !== 'true') await showAll.click();

      assertInOrder(await lines(panel.locator('.section-health')), expected.health, `${name} health`);
      assertInOrder(await lines(panel.locator('c-lifecycle-path')), expected.lifecycle, `${name} lifecycle`);
      assertInOrder(await lines(panel.locator('c-fit-badge')), expected.fit, `${name} fit`);
      assertInOrder(await lines(panel.locator('c-renewal-facts')), expected.revenue, `${name} revenue`);
      assertInOrder(await lines(panel.locator('.section-risks')), expected.risks, `${name} risks`);
      const rows = panel.locator('c-goal-row');
      assert.equal(await rows.count(), Object.keys(expected.goals).length, `${name}: every goal has a row`);
      for (const [goal, goalLines] of Object.entries(expected.goals)) {
        const row = rows.filter({ hasText: goal });
        assert.equal(await row.count(), 1, `${name}: one row for ${goal}`);
        assertInOrder(await lines(row), [goal, ...goalLines], `${name}, goal ${goal}`);
      }
      await page.screenshot({ path: path.join(RESULTS, `${name.replace(/\W+/g, '-')}.png`), fullPage: true });
      await assertAccessible(page, `${name}'s panel`);
    });
  }

  it("shows the workspace's figures as worked by hand, tab by tab", async () => {
    const { workspace } = EXPECTED;
    await page.goto(`${product.server.url}#/workspace`);
    const root = page.locator('c-charter-workspace');
    await root.locator('lightning-tabset').waitFor();
    const tab = async (name: RegExp): Promise<void> => {
      await page.getByRole('tab', { name }).first().click();
    };

    await root.locator('c-charter-completeness').waitFor();
    assertInOrder(await lines(root.locator('c-charter-completeness')), workspace.charter, 'Charter tab');
    await assertAccessible(page, 'Charter tab');

    await tab(/objectives/i);
    await root.locator('c-charter-metrics .tile .value').first().waitFor();
    for (const [objective, cells] of Object.entries(workspace.objectives)) {
      const row = root.locator('c-charter-objectives tr.objective', { hasText: objective });
      assert.equal(await row.count(), 1, `one row for the objective ${objective}`);
      const text = await row.innerText();
      for (const cell of cells) {
        assert.ok(
          text.includes(cell),
          `objective ${objective}: expected ${JSON.stringify(cell)} in ${JSON.stringify(text)}`
        );
      }
    }
    const tiles = root.locator('c-charter-metrics .tile');
    for (const [label, values] of Object.entries(workspace.tiles)) {
      const tile = tiles.filter({ has: page.getByText(label, { exact: true }) });
      assert.equal(await tile.count(), 1, `one tile ${label}`);
      assertInOrder(await lines(tile), [label, ...values], `tile ${label}`);
    }
    assertRows(await lines(root.locator('c-charter-metrics')), workspace.metricsRows, 'program metrics tables');
    await assertAccessible(page, 'Objectives tab');

    await tab(/team/i);
    await root.locator('c-charter-raci-matrix').waitFor();
    assertInOrder(await lines(root.locator('c-charter-raci-matrix')), workspace.team, 'Team tab');
    await assertAccessible(page, 'Team tab');

    await tab(/roadmap/i);
    await root.locator('c-charter-roadmap tbody tr').first().waitFor();
    const roadmap = await lines(root.locator('c-charter-roadmap'));
    assertRows(roadmap, workspace.roadmapRows, 'Roadmap tab');
    assertInOrder(roadmap, workspace.roadmapMonths, 'Roadmap tab months');
    await assertAccessible(page, 'Roadmap tab');

    await tab(/risks/i);
    await root.locator('c-charter-risks').waitFor();
    const risks = await lines(root.locator('c-charter-risks'));
    assertRows(risks, workspace.risks.slice(0, 1), 'Risks tab heat map');
    assert.ok(
      risks.some((line) => line.includes(workspace.risks[1])),
      `Risks tab: the register scores the threat ${workspace.risks[1]}:\n  ${risks.join('\n  ')}`
    );
    // the register's first column is headed by what it lists; no customer risk is linked to the threat
    assert.ok(
      risks.some((line) => line.startsWith('Risk\tScore\t')),
      `Risks tab: the register's first column is headed Risk:\n  ${risks.join('\n  ')}`
    );
    const threat = risks.find((line) => line.includes(workspace.risks[1])) ?? '';
    assert.ok(threat.includes('\tNo accounts'), `Risks tab: the threat is at no account: ${threat}`);
    await assertAccessible(page, 'Risks tab');

    await tab(/customers/i);
    await root.locator('c-charter-customers table').first().waitFor();
    assertRows(await lines(root.locator('c-charter-customers')), workspace.customerRows, 'Customers tab');
    await page.screenshot({ path: path.join(RESULTS, 'workspace-customers.png'), fullPage: true });
    await assertAccessible(page, 'Customers tab');
  });
});
