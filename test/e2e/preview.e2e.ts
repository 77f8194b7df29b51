// End to end: the product as `npm start` runs it, driven in Debian's Chromium. What the page
// shows must equal counts read from the local org with SOQL, by the definitions in docs/metrics.md (every other
// figure is worked by hand in workedExample.e2e.ts, never taken from successModel); a goal added in the
// panel must land in the local org; axe finds no serious or critical violations.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { localToday } from '../../force-app/main/default/lwc/accountSuccessPanel/clock';
import { RESULTS, axeViolations, describeInBrowser, serious } from './browser';
import { runUsage } from '../../scripts/usage/usage';

describeInBrowser('the product in a browser', (session) => {
  it('lists every account of the local org', async () => {
    const { totalSize } = await session.product.connection.query('SELECT COUNT() FROM Account');
    await session.page.goto(`${session.product.server.url}#/accounts`);
    await session.page.waitForSelector('shell-account-list tbody tr');
    assert.equal(await session.page.locator('shell-account-list tbody tr').count(), totalSize);
    assert.ok(totalSize >= 20, `the demo plan loads about 25 accounts, found ${totalSize}`);
  });

  it("shows an account's health and every one of its goals, and passes axe", async () => {
    const accounts = await session.product.connection.query<{ Id: string; Name: string }>(
      'SELECT Id, Name FROM Account WHERE Lifecycle_Stage__c != null ORDER BY Name LIMIT 1'
    );
    const account = accounts.records[0];
    const goals = await session.product.connection.query(
      `SELECT COUNT() FROM Customer_Goal__c WHERE Account__c = '${account.Id}'`
    );
    assert.ok(goals.totalSize > 0, 'the first demo account has goals');

    await session.page.goto(`${session.product.server.url}#/account/${account.Id}`);
    await session.page.waitForSelector('c-health-summary');
    // A score out of 100 or "Not enough data to score": the figure itself is proven by the worked example.
    const health = (await session.page.locator('c-health-summary').innerText()).trim();
    assert.match(health, /\d+ \/ 100|Not enough data to score/);

    const showAll = session.page.locator('c-goal-list button.show-all');
    if (await showAll.count()) await showAll.click();
    assert.equal(await session.page.locator('c-goal-row').count(), goals.totalSize);
    await session.page.screenshot({ path: path.join(RESULTS, 'account-success-panel.png'), fullPage: true });

    const violations = await axeViolations(session.page);
    assert.deepEqual(serious(violations), [], JSON.stringify(violations));
  });

  /** Adds a goal named `name` through the panel's Add goal modal and waits for it in the refreshed list. */
  async function addGoalThroughPanel(accountId: string, name: string): Promise<void> {
    await session.page.goto(`${session.product.server.url}#/account/${accountId}`);
    await session.page.waitForSelector('c-account-success-panel .add-goal');
    await session.page.locator('c-account-success-panel .add-goal button').click();
    const nameInput = session.page.locator('lightning-input-field').first().locator('input');
    await nameInput.waitFor();
    await nameInput.fill(name);
    // The modal is opened by LightningModal.open, outside the panel's tree: find its button by role.
    await session.page.getByRole('button', { name: 'Save', exact: true }).click();
    // The modal closes on success and the panel refreshes; the list leads with the goals needing attention,
    // so open the full list before looking for the new one.
    await session.page
      .getByRole('button', { name: 'Save', exact: true })
      .waitFor({ state: 'detached', timeout: 15000 });
    const showAll = session.page.locator('c-goal-list button.show-all');
    if ((await showAll.count()) && (await showAll.getAttribute('aria-expanded')) !== 'true') await showAll.click();
    await session.page.locator('c-goal-row', { hasText: name }).waitFor({ timeout: 15000 });
  }

  /** "View as" in the shell: the preview server runs every later request as that user, and the page reloads. */
  async function viewAs(key: 'admin' | 'manager' | 'viewer'): Promise<void> {
    await session.page.goto(`${session.product.server.url}#/accounts`);
    const select = session.page.locator('shell-user-switch select.user-switch');
    await select.waitFor();
    if ((await select.inputValue()) !== key) {
      await Promise.all([session.page.waitForEvent('load'), select.selectOption(key)]);
    }
    await session.page.locator('shell-user-switch select.user-switch').waitFor();
    assert.equal(await session.page.locator('shell-user-switch select.user-switch').inputValue(), key);
  }

  it('adds a goal through the panel and finds it in the local org', async () => {
    const accounts = await session.product.connection.query<{ Id: string }>(
      'SELECT Id FROM Account ORDER BY Name LIMIT 1'
    );
    const accountId = accounts.records[0].Id;
    const name = `Browser test goal ${Date.now()}`;
    await addGoalThroughPanel(accountId, name);
    const saved = await session.product.connection.query<{ Id: string; Account__c: string }>(
      `SELECT Id, Account__c FROM Customer_Goal__c WHERE Name = '${name}'`
    );
    assert.equal(saved.totalSize, 1);
    assert.equal(saved.records[0].Account__c, accountId);
  });

  it('shows the number of customers achieving goals and of goals achieved as the org holds them, and passes axe', async () => {
    // docs/metrics.md: the period is the current month and the eleven before it, to today; the book is the accounts
    // with a lifecycle stage; a goal counts on its achieved date. Counted here with SOQL, not with successModel.
    const today = localToday();
    const [year, month] = today.split('-').map(Number);
    const start = new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 10);
    const inPeriod = `Status__c = 'Achieved' AND Achieved_Date__c >= ${start} AND Achieved_Date__c <= ${today}`;
    const book = await session.product.connection.query('SELECT COUNT() FROM Account WHERE Lifecycle_Stage__c != null');
    const achieved = await session.product.connection.query(`SELECT COUNT() FROM Customer_Goal__c WHERE ${inPeriod}`);
    const customers = await session.product.connection.query<{ Account__c: string }>(
      `SELECT Account__c FROM Customer_Goal__c WHERE ${inPeriod} GROUP BY Account__c`
    );
    assert.ok(achieved.totalSize > 0, 'the demo plan has achieved goals');

    await session.page.goto(`${session.product.server.url}#/workspace`);
    await session.page.waitForSelector('c-charter-workspace lightning-tabset');
    await session.page.screenshot({ path: path.join(RESULTS, 'charter-workspace.png'), fullPage: true });
    assert.deepEqual(serious(await axeViolations(session.page)), []);

    await session.page
      .getByRole('tab', { name: /objectives/i })
      .first()
      .click();
    await session.page.locator('c-charter-metrics .tile .value').first().waitFor();
    const values = (await session.page.locator('c-charter-metrics .tile .value').allInnerTexts()).map((v) => v.trim());
    assert.equal(values[0], `${customers.records.length} / ${book.totalSize}`);
    assert.equal(values[1], String(achieved.totalSize));
    await session.page.screenshot({ path: path.join(RESULTS, 'charter-workspace-objectives.png'), fullPage: true });
    const violations = await axeViolations(session.page);
    assert.deepEqual(serious(violations), [], JSON.stringify(violations));
  });

  it("leads from the workspace's attention list to the account's page, which shows the account's name", async () => {
    await session.page.goto(`${session.product.server.url}#/workspace`);
    await session.page.waitForSelector('c-charter-workspace lightning-tabset');
    await session.page.getByRole('tab', { name: 'Customers', exact: true }).click();
    const link = session.page.locator('c-charter-customers table.attention c-record-link a').first();
    await link.waitFor();
    const shown = (await link.innerText()).trim();
    await link.click();
    await session.page.waitForURL(/#\/account\/[A-Za-z0-9]{15,18}$/);
    const accountId = /#\/account\/(\w+)$/.exec(session.page.url())![1];
    const account = await session.product.connection.query<{ Name: string }>(
      `SELECT Name FROM Account WHERE Id = '${accountId}'`
    );
    assert.equal(account.records[0].Name, shown, 'the link led to the account it names');
    await session.page.locator('shell-account-page .account-name', { hasText: account.records[0].Name }).waitFor();
    await session.page.locator('c-account-success-panel').waitFor();
  });

  it('offers the viewer no write action on the panel or the workspace, and axe is clean', async () => {
    // An account with an open goal: the admin is offered Add goal and the goal's Update and Mark achieved there.
    const open = await session.product.connection.query<{ Account__c: string }>(
      "SELECT Account__c FROM Customer_Goal__c WHERE Status__c NOT IN ('Achieved', 'Missed', 'Cancelled') " +
        'ORDER BY Name LIMIT 1'
    );
    const accountId = open.records[0].Account__c;
    const writeActions = 'c-account-success-panel .add-goal, c-goal-row button.edit, c-goal-row button.achieve';
    const workspaceActions = 'c-charter-workspace .add, c-charter-workspace .edit';
    const showAllGoals = async () => {
      const showAll = session.page.locator('c-goal-list button.show-all');
      if ((await showAll.count()) && (await showAll.getAttribute('aria-expanded')) !== 'true') await showAll.click();
    };

    await viewAs('admin');
    await session.page.goto(`${session.product.server.url}#/account/${accountId}`);
    await session.page.locator('c-goal-row button.edit').first().waitFor();
    await showAllGoals();
    assert.ok((await session.page.locator(writeActions).count()) >= 3, 'the admin is offered the write actions');
    await session.page.goto(`${session.product.server.url}#/workspace`);
    await session.page.locator(workspaceActions).first().waitFor();

    await viewAs('viewer');
    await session.page.goto(`${session.product.server.url}#/account/${accountId}`);
    await session.page.locator('c-goal-row').first().waitFor();
    await showAllGoals();
    assert.ok((await session.page.locator('c-goal-row').count()) > 0, 'the viewer reads the goals');
    assert.equal(await session.page.locator(writeActions).count(), 0, 'no Add goal, Update or Mark achieved');
    assert.deepEqual(serious(await axeViolations(session.page)), []);
    await session.page.goto(`${session.product.server.url}#/workspace`);
    await session.page.waitForSelector('c-charter-workspace lightning-tabset');
    await session.page.locator('c-charter-statement').first().waitFor();
    assert.equal(await session.page.locator(workspaceActions).count(), 0, 'no Add or Edit in the workspace');
    assert.deepEqual(serious(await axeViolations(session.page)), []);
    await session.page.screenshot({ path: path.join(RESULTS, 'viewer-workspace.png'), fullPage: true });
  });

  it('lets an account manager add a goal through the panel, and it lands as theirs', async () => {
    await viewAs('manager');
    const accounts = await session.product.connection.query<{ Id: string }>(
      'SELECT Id FROM Account ORDER BY Name LIMIT 1'
    );
    const accountId = accounts.records[0].Id;
    const name = `Manager goal ${Date.now()}`;
    await addGoalThroughPanel(accountId, name);
    const saved = await session.product.connection.query<{
      Account__c: string;
      Status__c: string;
      CreatedBy: { Username: string };
      Owner__r: { Username: string } | null;
    }>(
      `SELECT Account__c, Status__c, CreatedBy.Username, Owner__r.Username FROM Customer_Goal__c WHERE Name = '${name}'`
    );
    assert.equal(saved.totalSize, 1);
    assert.equal(saved.records[0].Account__c, accountId);
    assert.equal(saved.records[0].CreatedBy.Username, 'manager@customer-success.preview');
    // the form's defaults, left as they were: the goal is owned by the user who added it and starts Not Started
    assert.equal(saved.records[0].Owner__r?.Username, 'manager@customer-success.preview');
    assert.equal(saved.records[0].Status__c, 'Not Started');
    await viewAs('admin');
  });

  it("adds a charter risk through the workspace's record modal: a failed save keeps it open, the next lands under the charter", async () => {
    const active = await session.product.connection.query<{ Id: string }>(
      "SELECT Id FROM Success_Charter__c WHERE Status__c = 'Active'"
    );
    assert.equal(active.totalSize, 1, 'the demo plan has one Active charter, the one the workspace opens');
    const name = `Browser test risk ${Date.now()}`;
    await session.page.goto(`${session.product.server.url}#/workspace`);
    await session.page.waitForSelector('c-charter-workspace lightning-tabset');
    await session.page.getByRole('tab', { name: 'Risks', exact: true }).click();
    await session.page.locator('c-charter-risks .add button').click();
    // The modal is opened by LightningModal.open, outside the workspace's tree. Its fields in form order: Risk,
    // Type, Category, Status, Likelihood, Impact, ... (the hidden Charter__c field is set, not shown).
    const fields = session.page.locator('lightning-input-field:not(.charter)');
    await fields.first().locator('input').waitFor();
    await fields.nth(0).locator('input').fill(name);
    const save = session.page.getByRole('button', { name: 'Save', exact: true });
    await save.click();
    // No likelihood or impact: the org's validation rules refuse the record, the modal stays open and says why.
    await session.page
      .locator('c-error-panel', { hasText: 'The change could not be saved.' })
      .waitFor({ timeout: 15000 });
    assert.equal(await save.isEnabled(), true, 'Save is enabled again after the failed save');
    await fields.nth(4).locator('input').fill('3');
    await fields.nth(5).locator('input').fill('4');
    await save.click();
    await save.waitFor({ state: 'detached', timeout: 15000 });
    const saved = await session.product.connection.query<{
      Charter__c: string;
      Likelihood__c: number;
      Impact__c: number;
    }>(`SELECT Charter__c, Likelihood__c, Impact__c FROM Charter_Risk__c WHERE Name = '${name}'`);
    assert.equal(saved.totalSize, 1);
    assert.equal(saved.records[0].Charter__c, active.records[0].Id);
    assert.equal(saved.records[0].Likelihood__c, 3);
    assert.equal(saved.records[0].Impact__c, 4);
  });

  it("shows an account's adoption facts and weekly chart as worked out by hand from a small export", async () => {
    // A new account with 10 licensed seats and a product account id, and an export of eight complete weeks:
    // the four weeks before have 8 distinct users each (80% of the seats), the last four 6, 5, 4 and 5 (average 5:
    // 50%). Hand-worked from docs/metrics.md: "5 of 10 seats active", change (50 - 80) / 80 = "down 37.5% in 4
    // weeks", Dashboard Viewed and Report Exported are events of 2 of the 5 shipped key features: "2 of 5 key
    // features used". The last week's bar reads 50%, the week before it 40%.
    const created = await session.product.connection.sobject('Account').create({
      Name: 'Usage Worked Example',
      Success_Key__c: 'E2E-USAGE',
      Product_Account_Id__c: 'prod-e2e-usage',
      Licensed_Seats__c: 10,
      Lifecycle_Stage__c: 'Adoption'
    });
    assert.ok(created.success, JSON.stringify(created));
    const now = new Date();
    const monday =
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - ((now.getUTCDay() + 6) % 7) * 864e5;
    const usersByWeek: Record<number, number> = { 8: 8, 7: 8, 6: 8, 5: 8, 4: 6, 3: 5, 2: 4, 1: 5 };
    const lines = ['account_id,user_id,event,timestamp'];
    for (const [weeksBack, users] of Object.entries(usersByWeek)) {
      const tuesday = new Date(monday - Number(weeksBack) * 7 * 864e5 + 864e5 + 10 * 36e5).toISOString();
      for (let u = 1; u <= users; u++) lines.push(`prod-e2e-usage,user-${u},Page Viewed,${tuesday}`);
    }
    const lastWeekTuesday = new Date(monday - 7 * 864e5 + 864e5 + 11 * 36e5).toISOString();
    lines.push(
      `prod-e2e-usage,user-1,Dashboard Viewed,${lastWeekTuesday}`,
      `prod-e2e-usage,user-2,Report Exported,${lastWeekTuesday}`
    );
    const file = path.join(RESULTS, 'usage-worked-example.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    let out = '';
    const loaded = await runUsage({
      argv: ['--instance-url', session.product.org.instanceUrl, '--file', file],
      env: { ...process.env, SF_ACCESS_TOKEN: session.product.org.accessToken },
      stdout: { write: (text: string) => ((out += text), true) },
      stderr: { write: (text: string) => ((out += text), true) }
    });
    assert.equal(loaded, 0, out);

    await viewAs('admin');
    await session.page.goto(`${session.product.server.url}#/account/${created.id}`);
    const facts = session.page.locator('c-usage-trend .facts li');
    await facts.first().waitFor();
    assert.deepEqual(
      (await facts.allInnerTexts()).map((t) => t.trim()),
      ['5 of 10 seats active', 'down 37.5% in 4 weeks', '2 of 5 key features used']
    );
    const cells = (await session.page.locator('c-usage-trend tbody tr td').allTextContents()).map((t) => t.trim());
    assert.equal(cells.length, 12);
    assert.deepEqual(cells.slice(-2), ['40%', '50%']);
    assert.deepEqual(cells.slice(0, 4), ['No usage loaded', 'No usage loaded', 'No usage loaded', 'No usage loaded']);
    assert.equal(
      (await session.page.locator('c-usage-trend .features-used').innerText()).trim(),
      'Dashboards, Reports'
    );
    assert.deepEqual(serious(await axeViolations(session.page)), []);
    await session.page.screenshot({ path: path.join(RESULTS, 'account-usage.png'), fullPage: true });
  });
});
