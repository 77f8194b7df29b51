// End to end: plays on the account success panel, the product as `npm start` runs it (migrate, seed the demo plan,
// the scoring run opens plays, preview), driven in Debian's Chromium. An account with an open play shows its steps as
// the org holds them; starting a play from the panel lands a Manual Success_Play__c and its Tasks in the org; closing
// one lands its outcome and closed date; the viewer is offered neither; axe finds nothing serious or critical.
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import type { PlaysViewModel } from '../../force-app/main/default/lwc/accountPlays/playsTypes';
import { apexMethods } from '../../preview/server/apex';
import { localToday } from '../../force-app/main/default/lwc/accountSuccessPanel/clock';
import { RESULTS, axeViolations, describeInBrowser, serious, squash } from './browser';

describeInBrowser('plays on the success panel in a browser', (session) => {
  const today = localToday();

  const viewModel = async (accountId: string): Promise<PlaysViewModel> =>
    (await apexMethods['AccountPlaysController.getPlays'](
      session.product.connection,
      { accountId },
      today
    )) as PlaysViewModel;

  const openAccount = async (accountId: string): Promise<void> => {
    // A fresh load each time: a hash change alone would leave the last account's plays on screen for a moment.
    await session.page.goto('about:blank');
    await session.page.goto(`${session.product.server.url}#/account/${accountId}`);
    await session.page
      .locator('c-account-plays .open-plays, c-account-plays .no-open')
      .first()
      .waitFor({ timeout: 20000 });
  };

  it('shows an open play of the scoring run with its steps, owners and due dates as the org holds them', async () => {
    const opened = await session.product.connection.query<{ Account__c: string }>(
      "SELECT Account__c FROM Success_Play__c WHERE Status__c = 'Open' AND Source__c = 'Trigger' ORDER BY Play_Key__c LIMIT 1"
    );
    assert.equal(opened.totalSize, 1, 'the scoring run opens plays on the demo book');
    const accountId = opened.records[0].Account__c;
    const data = await viewModel(accountId);
    // The org's own records, and the step states by docs/metrics.md: a closed Task is Done, an open one due before
    // today is Overdue by the days since its due date, any other is To do. Not successModel's standings.
    let play: PlaysViewModel['openPlays'][number] | undefined;
    let tasks: Array<{ Subject: string; Owner: { Name: string }; IsClosed: boolean; ActivityDate: string | null }> = [];
    for (const candidate of data.openPlays) {
      const found = await session.product.connection.query<(typeof tasks)[number]>(
        `SELECT Subject, Owner.Name, IsClosed, ActivityDate FROM Task WHERE WhatId = '${candidate.Id}'`
      );
      if (found.totalSize > 0) {
        play = candidate;
        tasks = found.records;
        break;
      }
    }
    assert.ok(play, 'a play opened by the scoring run has its steps as Tasks');
    const state = (task: (typeof tasks)[number]): string => {
      if (task.IsClosed) return 'Done';
      if (task.ActivityDate && task.ActivityDate < today) {
        const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${task.ActivityDate}T00:00:00Z`)) / 864e5;
        return `Overdue by ${days} days`;
      }
      return 'To do';
    };
    const sorted = (values: string[]): string[] => [...values].sort();

    await openAccount(accountId);
    const plays = session.page.locator('c-account-plays li.open-play');
    assert.equal(await plays.count(), data.openPlays.length);
    const names = new Map(data.config.playbooks.map((p) => [p.DeveloperName, p.MasterLabel]));
    const card = plays.filter({ hasText: names.get(play.Playbook__c ?? '') ?? '' }).first();
    const facts = (await card.locator('.fact').allInnerTexts()).map(squash);
    assert.deepEqual(facts, (play.Trigger_Facts__c ?? '').split('\n').filter(Boolean));
    const subjects = (await card.locator('.step-subject').allInnerTexts()).map(squash);
    assert.deepEqual(sorted(subjects), sorted(tasks.map((task) => task.Subject)));
    const owners = (await card.locator('.step-owner').allInnerTexts()).map(squash);
    assert.deepEqual(sorted(owners), sorted(tasks.map((task) => `Owner: ${task.Owner.Name}`)));
    const states = (await card.locator('.step-state').allInnerTexts()).map(squash);
    assert.deepEqual(sorted(states), sorted(tasks.map(state)));
    assert.equal(await card.locator('.step-due').count(), tasks.length);
    await session.page.screenshot({ path: path.join(RESULTS, 'account-plays.png'), fullPage: true });
    const violations = await axeViolations(session.page);
    assert.deepEqual(serious(violations), [], JSON.stringify(violations));
  });

  it('starts a play by hand from the panel: a Manual play and its Tasks land in the org', async () => {
    const accounts = await session.product.connection.query<{ Id: string }>(
      'SELECT Id FROM Account WHERE Lifecycle_Stage__c != null ORDER BY Name LIMIT 1'
    );
    const accountId = accounts.records[0].Id;
    const before = await viewModel(accountId);
    await openAccount(accountId);
    await session.page.locator('c-account-plays button.start-play').click();
    const select = session.page.locator('c-account-plays select.playbook');
    await select.waitFor();
    const options = await select
      .locator('option')
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
    const running = new Set(before.openPlays.map((p) => p.Playbook__c));
    assert.ok(options.length > 0 && options.every((o) => !running.has(o)), 'only playbooks without an open play');
    const playbook = options[options.length - 1];
    await select.selectOption(playbook);
    assert.deepEqual(serious(await axeViolations(session.page)), [], 'the start form passes axe');
    await session.page.locator('c-account-plays button.start-confirm').click();
    await session.page.locator('c-account-plays .start-form').waitFor({ state: 'detached', timeout: 20000 });
    const label = before.config.playbooks.find((p) => p.DeveloperName === playbook)?.MasterLabel ?? playbook;
    await session.page.locator('c-account-plays li.open-play', { hasText: label }).waitFor({ timeout: 20000 });

    const saved = await session.product.connection.query<{ Id: string; Opened_On__c: string; Status__c: string }>(
      `SELECT Id, Opened_On__c, Status__c FROM Success_Play__c WHERE Account__c = '${accountId}' AND Playbook__c = '${playbook}' AND Source__c = 'Manual'`
    );
    assert.equal(saved.totalSize, 1, 'one Manual play');
    assert.equal(saved.records[0].Status__c, 'Open');
    assert.equal(saved.records[0].Opened_On__c, today);
    const tasks = await session.product.connection.query<{ Subject: string; ActivityDate: string; OwnerId: string }>(
      `SELECT Subject, ActivityDate, OwnerId FROM Task WHERE WhatId = '${saved.records[0].Id}' ORDER BY ActivityDate, Subject`
    );
    const steps = before.config.steps.filter((s) => s.Playbook__c === playbook);
    assert.ok(steps.length > 0);
    assert.equal(tasks.totalSize, steps.length, 'one Task per step of the playbook');
    assert.ok(tasks.records.every((t) => t.OwnerId && t.ActivityDate >= today));
    const card = session.page.locator('c-account-plays li.open-play', { hasText: label });
    assert.equal(await card.locator('.step').count(), steps.length, 'the panel shows the new steps');
  });

  it('closes a play from the panel with an outcome: its outcome and closed date land in the org', async () => {
    const open = await session.product.connection.query<{ Id: string; Account__c: string; Playbook__c: string }>(
      "SELECT Id, Account__c, Playbook__c FROM Success_Play__c WHERE Status__c = 'Open' ORDER BY Play_Key__c LIMIT 1"
    );
    const play = open.records[0];
    const data = await viewModel(play.Account__c);
    const label = data.config.playbooks.find((p) => p.DeveloperName === play.Playbook__c)?.MasterLabel ?? '';
    await openAccount(play.Account__c);
    const card = session.page.locator('c-account-plays li.open-play', { hasText: label }).first();
    await card.locator('button.close-play').click();
    await card.locator('select.outcome').selectOption('Not Resolved');
    await card.locator('textarea.outcome-comment').fill('Browser test: the customer declined the plan');
    assert.deepEqual(serious(await axeViolations(session.page)), [], 'the close form passes axe');
    await card.locator('button.close-confirm').click();
    await session.page
      .locator('c-account-plays li.closed-play', { hasText: 'Browser test: the customer declined the plan' })
      .waitFor({ timeout: 20000 });
    const closed = await session.product.connection.query<{
      Status__c: string;
      Outcome__c: string;
      Closed_On__c: string;
      Outcome_Comment__c: string;
    }>(`SELECT Status__c, Outcome__c, Closed_On__c, Outcome_Comment__c FROM Success_Play__c WHERE Id = '${play.Id}'`);
    assert.deepEqual(closed.records[0], {
      ...closed.records[0],
      Status__c: 'Closed',
      Outcome__c: 'Not Resolved',
      Closed_On__c: today,
      Outcome_Comment__c: 'Browser test: the customer declined the plan'
    });
    const violations = await axeViolations(session.page);
    assert.deepEqual(serious(violations), [], JSON.stringify(violations));
  });

  it('offers the account manager Start and Close, and a play the manager starts lands as the manager', async () => {
    const open = await session.product.connection.query<{ Account__c: string }>(
      "SELECT Account__c FROM Success_Play__c WHERE Status__c = 'Open' ORDER BY Play_Key__c DESC LIMIT 1"
    );
    const accountId = open.records[0].Account__c;
    const before = await viewModel(accountId);
    const url = new URL(session.product.server.url);
    await session.page
      .context()
      .addCookies([{ name: 'preview_user', value: 'manager', domain: url.hostname, path: '/' }]);
    try {
      await openAccount(accountId);
      await session.page.locator('c-account-plays button.close-play').first().waitFor({ timeout: 20000 });
      await session.page.locator('c-account-plays button.start-play').click();
      const select = session.page.locator('c-account-plays select.playbook');
      const playbook = await select.inputValue();
      assert.ok(!before.openPlays.some((p) => p.Playbook__c === playbook));
      await session.page.locator('c-account-plays button.start-confirm').click();
      await session.page.locator('c-account-plays .start-form').waitFor({ state: 'detached', timeout: 20000 });
      const manager = await session.product.connection.query<{ Id: string }>(
        "SELECT Id FROM User WHERE Username = 'manager@customer-success.preview'"
      );
      const saved = await session.product.connection.query<{ Id: string; CreatedById: string }>(
        `SELECT Id, CreatedById FROM Success_Play__c WHERE Account__c = '${accountId}' AND Playbook__c = '${playbook}' AND Source__c = 'Manual'`
      );
      assert.equal(saved.totalSize, 1);
      assert.equal(saved.records[0].CreatedById, manager.records[0].Id, 'written as the account manager');
      const tasks = await session.product.connection.query(
        `SELECT Id FROM Task WHERE WhatId = '${saved.records[0].Id}'`
      );
      assert.equal(tasks.totalSize, before.config.steps.filter((s) => s.Playbook__c === playbook).length);
    } finally {
      await session.page.context().clearCookies();
    }
  });

  it('offers the viewer neither Start nor Close', async () => {
    const open = await session.product.connection.query<{ Account__c: string }>(
      "SELECT Account__c FROM Success_Play__c WHERE Status__c = 'Open' ORDER BY Play_Key__c LIMIT 1"
    );
    const url = new URL(session.product.server.url);
    await session.page
      .context()
      .addCookies([{ name: 'preview_user', value: 'viewer', domain: url.hostname, path: '/' }]);
    try {
      await openAccount(open.records[0].Account__c);
      await session.page.locator('c-account-plays li.open-play').first().waitFor({ timeout: 20000 });
      // Object info answers after the plays: give it the time the other tests needed to show the buttons.
      await session.page.waitForTimeout(1000);
      assert.equal(await session.page.locator('c-account-plays button.start-play').count(), 0);
      assert.equal(await session.page.locator('c-account-plays button.close-play').count(), 0);
    } finally {
      await session.page.context().clearCookies();
    }
  });
});
