// The plays phase of the scoring run against a real local org. Two of the default playbooks are left active (Goal
// Overdue, Serious Risk: their triggers do not depend on the health score), so every play and task below is worked
// out by hand from docs/metrics.md ("Plays") and the shipped playbook steps.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'jsforce';
import {
  deployCustomMetadata,
  deployShippedCustomMetadata,
  runAgainst,
  withDeployedOrg,
  type SeededOrg
} from '../../seed/__tests__/orgFixture';
import { playsPhase } from '../plays';
import { runScore } from '../score';

type Rec = Record<string, unknown>;

describe('plays in the scoring run', () => {
  let org: SeededOrg;
  let conn: Connection;
  let cwd: string;
  let userId = '';
  const ids: Record<string, string> = {};

  async function score(
    day: string
  ): Promise<{ code: number; err: string; plays: Rec; writes: Record<string, { calls: number } | undefined> }> {
    const { code, out, err } = await runAgainst(runScore, org, {
      argv: ['--json'],
      cwd,
      now: () => new Date(`${day}T06:00:00Z`),
      retry: { sleep: async () => undefined, random: () => 0.5, baseMs: 1 },
      phases: [playsPhase()]
    });
    const report = JSON.parse(out) as {
      phases?: { plays?: Rec };
      writes?: { byObject?: Record<string, { calls: number }> };
    };
    return { code, err, plays: report.phases?.plays ?? {}, writes: report.writes?.byObject ?? {} };
  }

  const query = async (soql: string): Promise<Rec[]> =>
    (await conn.query<Rec>(soql, { autoFetch: true, maxFetch: 10_000 })).records.map((r) => {
      const { attributes, ...rest } = r as Rec & { attributes?: unknown };
      void attributes;
      return rest;
    });

  const plays = (): Promise<Rec[]> =>
    query(
      'SELECT Play_Key__c, Account__c, Playbook__c, Status__c, Source__c, Opened_On__c, Closed_On__c, Outcome__c, Days_To_Clear__c, Trigger_Facts__c FROM Success_Play__c ORDER BY Play_Key__c'
    );
  const tasks = (): Promise<Rec[]> =>
    query(
      'SELECT Subject, ActivityDate, OwnerId, Status, Description, WhatId FROM Task ORDER BY ActivityDate, Subject'
    );

  withDeployedOrg('plays-test', (fixture) => ({ org, cwd } = fixture), { customMetadata: true });
  before(async () => {
    conn = org.connection();
    await deployCustomMetadata(
      conn,
      Object.fromEntries(
        ['Health_At_Risk', 'Red_Sentiment', 'Renewal_At_Risk'].map((p) => [`Playbook.${p}`, { Active__c: false }])
      )
    );
    userId = String((await query('SELECT Id FROM User LIMIT 1'))[0].Id);
    const charter = await conn.sobject('Success_Charter__c').create({
      Name: 'Charter',
      Charter_Key__c: 'CH',
      Status__c: 'Active',
      // An Active charter needs an effective date (validation rule).
      Effective_Date__c: '2026-01-01',
      Mission__c: 'Customers achieve their goals.'
    });
    assert.ok(charter.success, JSON.stringify(charter));
    // Adoption has a Responsible with a person and an Accountable without one; Onboarding has no roles at all.
    await conn.sobject('Charter_Role__c').create([
      {
        Name: 'Adoption CSM',
        Role_Key__c: 'R-CSM',
        Charter__c: charter.id,
        Lifecycle_Stage__c: 'Adoption',
        RACI__c: 'Responsible',
        Person__c: userId
      },
      {
        Name: 'Adoption lead',
        Role_Key__c: 'R-LEAD',
        Charter__c: charter.id,
        Lifecycle_Stage__c: 'Adoption',
        RACI__c: 'Accountable'
      }
    ]);
    const accounts = await conn.sobject('Account').create([
      { Name: 'Overdue Co', Success_Key__c: 'P1', Lifecycle_Stage__c: 'Adoption' },
      { Name: 'Risky Co', Success_Key__c: 'P2', Lifecycle_Stage__c: 'Onboarding' },
      { Name: 'Quiet Co', Success_Key__c: 'P3', Lifecycle_Stage__c: 'Adoption' }
    ]);
    for (const [i, key] of ['P1', 'P2', 'P3'].entries()) ids[key] = String(accounts[i].id);
    await conn.sobject('Customer_Goal__c').create([
      // Past its target date on 2026-03-01 and still open: overdue.
      {
        Name: 'Cut onboarding time',
        Goal_Key__c: 'G1',
        Account__c: ids.P1,
        Status__c: 'On Track',
        Start_Date__c: '2026-01-01',
        Target_Date__c: '2026-02-01'
      },
      {
        Name: 'Roll out dashboards',
        Goal_Key__c: 'G3',
        Account__c: ids.P3,
        Status__c: 'On Track',
        Start_Date__c: '2026-01-01',
        Target_Date__c: '2026-09-01'
      }
    ]);
    await conn.sobject('Customer_Risk__c').create([
      // 4 x 3 = 12: High. 2 x 2 = 4: Low.
      {
        Name: 'Sponsor leaving',
        Customer_Risk_Key__c: 'CR1',
        Account__c: ids.P2,
        Likelihood__c: 4,
        Impact__c: 3,
        Status__c: 'Open'
      },
      {
        Name: 'Small gap',
        Customer_Risk_Key__c: 'CR3',
        Account__c: ids.P3,
        Likelihood__c: 2,
        Impact__c: 2,
        Status__c: 'Open'
      }
    ]);
  });

  it('opens exactly the plays whose triggers fire, with dated, owned steps as tasks', async () => {
    const run = await score('2026-03-01');
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(await plays(), [
      {
        Play_Key__c: `${ids.P1}:Goal_Overdue:2026-03-01`,
        Account__c: ids.P1,
        Playbook__c: 'Goal_Overdue',
        Status__c: 'Open',
        Source__c: 'Trigger',
        Opened_On__c: '2026-03-01',
        Closed_On__c: null,
        Outcome__c: null,
        Days_To_Clear__c: null,
        Trigger_Facts__c: '1 goal is overdue: Cut onboarding time'
      },
      {
        Play_Key__c: `${ids.P2}:Serious_Risk:2026-03-01`,
        Account__c: ids.P2,
        Playbook__c: 'Serious_Risk',
        Status__c: 'Open',
        Source__c: 'Trigger',
        Opened_On__c: '2026-03-01',
        Closed_On__c: null,
        Outcome__c: null,
        Days_To_Clear__c: null,
        Trigger_Facts__c: '1 open risk is rated High or higher'
      }
    ]);
    const playIds = new Map(
      (await query('SELECT Id, Playbook__c FROM Success_Play__c')).map((p) => [p.Playbook__c, p.Id])
    );
    // Goal Overdue steps: +2 days (Responsible), +14 (Accountable). Serious Risk: +2 (Responsible), +10 (Accountable).
    const fallback = (role: string) => `Nobody holds ${role} in the Active charter: assigned to the account owner`;
    assert.deepEqual(await tasks(), [
      {
        Subject: 'Agree the mitigation and its owner with every department involved',
        ActivityDate: '2026-03-03',
        OwnerId: userId,
        Status: 'Not Started',
        Description: fallback('Responsible for Onboarding'),
        WhatId: playIds.get('Serious_Risk')
      },
      {
        Subject: 'Re-plan the overdue goal with the customer: new date, baseline and target',
        ActivityDate: '2026-03-03',
        OwnerId: userId,
        Status: 'Not Started',
        Description: null,
        WhatId: playIds.get('Goal_Overdue')
      },
      {
        Subject: 'Review the mitigation with the accountable lead',
        ActivityDate: '2026-03-11',
        OwnerId: userId,
        Status: 'Not Started',
        Description: fallback('Accountable for Onboarding'),
        WhatId: playIds.get('Serious_Risk')
      },
      {
        Subject: 'Executive value review of the goals behind schedule',
        ActivityDate: '2026-03-15',
        OwnerId: userId,
        Status: 'Not Started',
        Description: fallback('Accountable for Adoption'),
        WhatId: playIds.get('Goal_Overdue')
      }
    ]);
    assert.equal(run.plays.opened, 2);
    assert.equal(run.plays.tasks, 4);
    assert.equal(run.plays.ownerFallbacks, 3);
    // Three accounts, two active playbooks each.
    assert.equal(run.plays.evaluated, 6);
    // The phase's own cost is reported: playbooks, steps and roles, the range's open plays (none yet, so no task read).
    const cost = run.plays.cost as { wallMs: number; readCalls: number };
    assert.equal(cost.readCalls, 4);
    assert.ok(cost.wallMs >= 0);
    assert.equal(run.writes.Task?.calls, 1, 'four tasks in one collection call');
  });

  it('opens nothing new on a second run while the triggers still fire', async () => {
    const before = { plays: await plays(), tasks: await tasks() };
    const run = await score('2026-03-02');
    assert.equal(run.code, 0, run.err);
    assert.deepEqual([run.plays.opened, run.plays.updated, run.plays.closed, run.plays.tasks], [0, 0, 0, 0]);
    assert.deepEqual(await plays(), before.plays);
    assert.deepEqual(await tasks(), before.tasks);
  });

  it('closes a play when its trigger clears, with the days it took', async () => {
    const [goal] = await query("SELECT Id FROM Customer_Goal__c WHERE Goal_Key__c = 'G1'");
    await conn
      .sobject('Customer_Goal__c')
      .update({ Id: goal.Id as string, Status__c: 'Achieved', Achieved_Date__c: '2026-03-10' });
    const run = await score('2026-03-11');
    assert.equal(run.code, 0, run.err);
    assert.equal(run.plays.closed, 1);
    const [overdue, risk] = await plays();
    // Opened 2026-03-01, found cleared 2026-03-11: 10 days.
    assert.deepEqual(
      [overdue.Status__c, overdue.Closed_On__c, overdue.Outcome__c, overdue.Days_To_Clear__c],
      ['Closed', '2026-03-11', 'Trigger Cleared', 10]
    );
    assert.equal(risk.Status__c, 'Open');
  });

  it('gives an open play back the steps an interrupted run never wrote, once', async () => {
    const [play] = await query("SELECT Id FROM Success_Play__c WHERE Playbook__c = 'Serious_Risk'");
    const lost = await query(`SELECT Id FROM Task WHERE WhatId = '${String(play.Id)}'`);
    await conn.sobject('Task').destroy(lost.map((t) => String(t.Id)));
    const run = await score('2026-03-12');
    assert.equal(run.code, 0, run.err);
    assert.equal(run.plays.tasksRestored, 1);
    const restored = await query(
      `SELECT Subject, ActivityDate FROM Task WHERE WhatId = '${String(play.Id)}' ORDER BY ActivityDate`
    );
    // Due dates still count from the play's start (2026-03-01), not from the day they were restored.
    assert.deepEqual(
      restored.map((t) => [t.Subject, t.ActivityDate]),
      [
        ['Agree the mitigation and its owner with every department involved', '2026-03-03'],
        ['Review the mitigation with the accountable lead', '2026-03-11']
      ]
    );
    const again = await score('2026-03-12');
    assert.equal(again.plays.tasksRestored, 0);
  });

  it("opens Sentiment Red from the account manager's CSM_Sentiment__c, and closes it when the sentiment changes", async () => {
    await deployShippedCustomMetadata(conn, ['Playbook.Red_Sentiment']);
    await conn.sobject('Account').update({ Id: ids.P3, CSM_Sentiment__c: 'Red', CSM_Sentiment_Date__c: '2026-03-12' });
    const run = await score('2026-03-13');
    assert.equal(run.code, 0, run.err);
    assert.equal(run.plays.opened, 1, 'only Quiet Co is marked Red');
    const [play] = await query(
      "SELECT Id, Play_Key__c, Status__c, Source__c, Trigger_Facts__c FROM Success_Play__c WHERE Playbook__c = 'Red_Sentiment'"
    );
    assert.deepEqual(
      [play.Play_Key__c, play.Status__c, play.Source__c, play.Trigger_Facts__c],
      [`${ids.P3}:Red_Sentiment:2026-03-13`, 'Open', 'Trigger', 'The account manager marked sentiment red']
    );
    // Red Sentiment steps: +1 day (Accountable: nobody holds it for Adoption, so the account owner), +3 (Responsible:
    // Adoption CSM, this user).
    const steps = await query(
      `SELECT Subject, ActivityDate, OwnerId, Description FROM Task WHERE WhatId = '${String(play.Id)}' ORDER BY ActivityDate`
    );
    assert.deepEqual(steps, [
      {
        Subject: 'Call the customer sponsor about what went wrong',
        ActivityDate: '2026-03-14',
        OwnerId: userId,
        Description: 'Nobody holds Accountable for Adoption in the Active charter: assigned to the account owner'
      },
      {
        Subject: 'Record the concerns as customer goals or risks',
        ActivityDate: '2026-03-16',
        OwnerId: userId,
        Description: null
      }
    ]);
    await conn
      .sobject('Account')
      .update({ Id: ids.P3, CSM_Sentiment__c: 'Green', CSM_Sentiment_Date__c: '2026-03-19' });
    const cleared = await score('2026-03-20');
    assert.equal(cleared.code, 0, cleared.err);
    const [closed] = await query(
      "SELECT Status__c, Outcome__c, Days_To_Clear__c FROM Success_Play__c WHERE Playbook__c = 'Red_Sentiment'"
    );
    // Opened 2026-03-13, found cleared 2026-03-20: 7 days.
    assert.deepEqual([closed.Status__c, closed.Outcome__c, closed.Days_To_Clear__c], ['Closed', 'Trigger Cleared', 7]);
  });
});
