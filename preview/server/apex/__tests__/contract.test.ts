// Contract of the preview's Apex methods: against a local org with force-app deployed and the demo plan seeded, each
// method returns what its controller returns in Lightning Experience, in the shape the components' jest fixtures
// (the view-model contract) have, with real content that matches the org.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Connection } from 'jsforce';
import { connect } from '../../../../scripts/lib/connection';
import { PROJECT_ROOT } from '../../../../scripts/lib/paths';
import { DEMO_PLAN, startForceAppOrg, type ForceAppOrg } from '../../../../scripts/localOrg/__tests__/forceAppOrg';
import type { WorkspaceData } from '../../../../force-app/main/default/lwc/charterWorkspace/workspaceTypes';
import type { PanelViewModel } from '../../../../force-app/main/default/lwc/accountSuccessPanel/panelTypes';
import type { PlaysViewModel } from '../../../../force-app/main/default/lwc/accountPlays/playsTypes';
import { localToday } from '../../../../force-app/main/default/lwc/accountSuccessPanel/clock';
import { apexMethods, invokeApex } from '../index';
import { writeProgramSnapshot } from '../../../../scripts/score/programSnapshot';

const LWC = path.join(PROJECT_ROOT, 'force-app', 'main', 'default', 'lwc');
const fixture = (component: string, name: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(LWC, component, '__tests__', 'data', `${name}.json`), 'utf8'));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function mergeRecords(records: unknown[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const record of records) {
    for (const [key, value] of Object.entries(record as Record<string, unknown>)) {
      if (merged[key] === undefined || merged[key] === null) merged[key] = value;
    }
  }
  return merged;
}

/**
 * Every way `actual` departs from the shape of `expected` (a jest fixture): a key the fixture has that the output
 * lacks, a value of another JSON type where both have one, REST's `attributes`, or a flattened relationship
 * (`Owner__r.Name` instead of `Owner__r: { Name }`). Arrays compare their records key by key: a key must appear in
 * the output's records when the output has records, and its values must have the fixture's type where not null.
 */
export function shapeProblems(expected: unknown, actual: unknown, where = '$'): string[] {
  const problems: string[] = [];
  const visit = (want: unknown, have: unknown, at: string, topLevel: boolean): void => {
    if (have === undefined && topLevel) return void problems.push(`${at}: missing`);
    if (want === null || want === undefined || have === null || have === undefined) return;
    if (jsonType(want) !== jsonType(have)) {
      return void problems.push(`${at}: ${jsonType(have)} where the fixture has ${jsonType(want)}`);
    }
    if (Array.isArray(want)) {
      const rows = have as unknown[];
      if (!want.length || !rows.length) return;
      const wantRecord = mergeRecords(want);
      const haveRecord = mergeRecords(rows);
      if (jsonType(want[0]) !== 'object') return visit(want[0], rows[0], `${at}[]`, false);
      for (const row of rows) {
        for (const key of Object.keys(row as object)) {
          if (key === 'attributes') problems.push(`${at}[]: has REST attributes`);
          if (key.includes('.')) problems.push(`${at}[].${key}: relationship flattened, Apex nests it`);
        }
      }
      for (const key of Object.keys(wantRecord)) {
        if (!(key in haveRecord)) problems.push(`${at}[].${key}: missing from every record`);
        else visit(wantRecord[key], haveRecord[key], `${at}[].${key}`, false);
      }
      return;
    }
    if (typeof want === 'object') {
      const record = have as Record<string, unknown>;
      if ('attributes' in record) problems.push(`${at}: has REST attributes`);
      for (const key of Object.keys(record)) {
        if (key.includes('.')) problems.push(`${at}.${key}: relationship flattened, Apex nests it`);
      }
      for (const [key, value] of Object.entries(want as Record<string, unknown>)) {
        if (!(key in record)) problems.push(`${at}.${key}: missing`);
        else visit(value, record[key], `${at}.${key}`, topLevel && jsonType(value) === 'object');
      }
    }
  };
  visit(expected, actual, where, true);
  return problems;
}

/** A day `days` from an ISO day, by the calendar (UTC). */
function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('preview Apex methods against the seeded local org', () => {
  let org: ForceAppOrg;
  let connection: Connection;
  let lowId: string;
  let highId: string;
  const SCORED_AT = '2026-01-02T03:04:05.000Z';
  const today = localToday();
  const call = <T>(name: string, params: Record<string, unknown>, day = today): Promise<T> =>
    apexMethods[name](connection, params, day) as Promise<T>;
  const count = async (soql: string): Promise<number> => (await connection.query(soql)).totalSize;

  before(async () => {
    org = await startForceAppOrg({ seedPlan: DEMO_PLAN });
    ({ connection } = await connect({ instanceUrl: org.instanceUrl, accessToken: org.accessToken }));
    await writeProgramSnapshot(connection, { today });
    // Two accounts scored as the scoring run stores them; the rest of the demo book is not scored yet.
    const accounts = await connection.query<{ Id: string }>(
      'SELECT Id FROM Account WHERE Lifecycle_Stage__c != null ORDER BY Name LIMIT 2'
    );
    [lowId, highId] = accounts.records.map((r) => r.Id);
    await connection.sobject('Account').update([
      {
        Id: lowId,
        Health_Score__c: 12,
        Health_Band__c: 'At_Risk',
        Fit_Tier__c: 'Poor',
        Health_Scored_At__c: SCORED_AT,
        // Green against At Risk, but 91 days old: stale, so it does not disagree (docs/metrics.md, CSM sentiment).
        CSM_Sentiment__c: 'Green',
        CSM_Sentiment_Date__c: shiftDay(today, -91)
      },
      {
        Id: highId,
        Health_Score__c: 88,
        Health_Band__c: 'Healthy',
        Fit_Tier__c: 'Ideal',
        Health_Scored_At__c: SCORED_AT,
        // Red against Healthy, recorded today: they disagree.
        CSM_Sentiment__c: 'Red',
        CSM_Sentiment_Date__c: today
      }
    ]);
  });
  after(async () => {
    await org?.dispose();
  });

  describe('CharterWorkspaceController.getWorkspace', () => {
    let workspace: WorkspaceData;
    before(async () => {
      workspace = await call<WorkspaceData>('CharterWorkspaceController.getWorkspace', { charterId: null });
    });

    it('has the shape of the jest fixtures, key by key and type by type', () => {
      const expected = fixture('charterWorkspace', 'workspace');
      assert.deepEqual(Object.keys(workspace).sort(), Object.keys(expected as object).sort());
      assert.deepEqual(shapeProblems(expected, workspace), []);
      assert.deepEqual(shapeProblems(fixture('charterWorkspace', 'noCharter'), workspace), []);
    });

    it('finds the demo charter (the Active one) and its parts', async () => {
      const active = await connection.query<{ Id: string }>(
        "SELECT Id FROM Success_Charter__c WHERE Status__c = 'Active' ORDER BY Effective_Date__c DESC NULLS LAST"
      );
      assert.ok(workspace.charter);
      assert.equal(workspace.charter.Id, active.records[0].Id);
      assert.equal(workspace.charter.Charter_Key__c, 'CSC-2025');
      assert.equal(typeof workspace.charter.Executive_Sponsor__r?.Name, 'string');
      const charterId = workspace.charter.Id!;
      for (const [part, object] of [
        ['objectives', 'Charter_Objective__c'],
        ['roles', 'Charter_Role__c'],
        ['milestones', 'Charter_Milestone__c'],
        ['risks', 'Charter_Risk__c']
      ] as const) {
        const expected = await count(`SELECT Id FROM ${object} WHERE Charter__c = '${charterId}'`);
        assert.ok(expected > 0, `the demo plan seeds ${part}`);
        assert.equal(workspace[part].length, expected, part);
      }
      assert.ok(workspace.riskAccounts.length > 0);
      assert.ok(workspace.riskAccountCounts.every((tally) => tally.accounts > 0));
    });

    it('returns the program snapshots of the scoring run, one per segment, agreeing with direct SOQL', async () => {
      const { program } = workspace;
      const types = program.map((r) => r.Segment_Type__c);
      assert.deepEqual(
        ['Overall', 'Stage', 'Tier', 'Month'].map((t) => types.filter((x) => x === t).length),
        [1, 6, 4, 12]
      );
      assert.ok(program.every((r) => r.As_Of__c === today));
      const overall = program.find((r) => r.Segment_Type__c === 'Overall')!;
      const achieved = await count(
        `SELECT Id FROM Customer_Goal__c WHERE Status__c = 'Achieved' AND Achieved_Date__c >= ${overall.Period_Start__c} AND Achieved_Date__c <= ${today}`
      );
      assert.ok(achieved > 0, 'the demo plan has goals achieved in the period');
      assert.equal(overall.Goals_Achieved__c, achieved);
      assert.equal(overall.Accounts__c, await count('SELECT Id FROM Account WHERE Lifecycle_Stage__c != null'));
    });

    it('counts every customer by stored tier and band, and lists the lowest stored health first', async () => {
      const staged = await count('SELECT Id FROM Account WHERE Lifecycle_Stage__c != null');
      assert.equal(
        workspace.tierBandCounts.reduce((sum, row) => sum + row.accounts, 0),
        staged
      );
      assert.deepEqual(
        workspace.attention.map((a) => [a.Id, a.Health_Score__c]),
        [
          [lowId, 12],
          [highId, 88]
        ],
        'only scored accounts, lowest stored health first'
      );
      assert.equal(workspace.lastScoredAt, SCORED_AT);
      const scored = workspace;
      const cell = (tier: string, band: string) =>
        scored.tierBandCounts.find((row) => row.tier === tier && row.band === band)?.accounts;
      assert.deepEqual([cell('Poor', 'At_Risk'), cell('Ideal', 'Healthy')], [1, 1]);
    });

    it('lists the accounts whose fresh sentiment disagrees with their stored band, and counts them', async () => {
      // By the definition: a Red on Healthy or a Green on At Risk recorded in the last 90 days, counted with SOQL.
      const since = shiftDay(today, -90);
      const disagreeing = await count(
        `SELECT Id FROM Account WHERE CSM_Sentiment_Date__c >= ${since} AND ((CSM_Sentiment__c = 'Red' AND Health_Band__c = 'Healthy') OR (CSM_Sentiment__c = 'Green' AND Health_Band__c = 'At_Risk'))`
      );
      assert.equal(disagreeing, 1);
      assert.deepEqual(
        workspace.sentimentDisagreements.map((a) => [a.Id, a.CSM_Sentiment__c, a.Health_Band__c]),
        [[highId, 'Red', 'Healthy']]
      );
      assert.equal(workspace.sentimentDisagreementCount, disagreeing);
      // 91 days on, the Red recorded today is stale too.
      const later = await call<WorkspaceData>('CharterWorkspaceController.getWorkspace', {}, shiftDay(today, 91));
      assert.deepEqual([later.sentimentDisagreements.length, later.sentimentDisagreementCount], [0, 0]);
    });

    it('costs a fixed handful of queries and rows under the enforced limits', async () => {
      const { usage } = await invokeApex('CharterWorkspaceController.getWorkspace', connection, {}, today);
      assert.ok(usage.soqlQueries <= 15, `${usage.soqlQueries} queries`);
      assert.ok(usage.queryRows < 2000, `${usage.queryRows} query rows`);
      assert.ok(
        usage.queries.every((q) => q.rule !== 'aggregated'),
        'no query charges every row it aggregates'
      );
    });

    it('sets asOf from the server day', async () => {
      const fixed = await call<WorkspaceData>('CharterWorkspaceController.getWorkspace', {}, '2025-02-20');
      assert.equal(fixed.asOf, '2025-02-20');
      assert.equal(workspace.asOf, today);
    });

    it('shows the charter asked for, none for an unknown Id, and refuses what is not an Id', async () => {
      const charterId = workspace.charter!.Id!;
      const chosen = await call<WorkspaceData>('CharterWorkspaceController.getWorkspace', { charterId });
      assert.equal(chosen.charter?.Id, charterId);
      assert.equal(chosen.objectives.length, workspace.objectives.length);
      const unknown = await call<WorkspaceData>('CharterWorkspaceController.getWorkspace', {
        charterId: `${charterId.slice(0, 5)}0000000000`
      });
      assert.equal(unknown.charter, null);
      assert.deepEqual([unknown.objectives, unknown.risks, unknown.riskAccountCounts], [[], [], []]);
      assert.ok(unknown.program.length > 0, 'the program does not depend on the charter');
      await assert.rejects(
        call('CharterWorkspaceController.getWorkspace', { charterId: "x' OR Name != '" }),
        /Value provided is invalid for action parameter 'charterId' of type 'Id'/
      );
    });
  });

  describe('AccountSuccessController.getPanel', () => {
    it('has the shape of the jest fixtures and the goals the org has', async () => {
      const accounts = await connection.query<{ Id: string }>(
        'SELECT Id FROM Account WHERE Id IN (SELECT Account__c FROM Customer_Goal__c) ORDER BY Name LIMIT 1'
      );
      const accountId = accounts.records[0].Id;
      const panel = await call<PanelViewModel>('AccountSuccessController.getPanel', { accountId });
      const expected = fixture('accountSuccessPanel', 'fullAccount');
      assert.deepEqual(Object.keys(panel).sort(), Object.keys(expected as object).sort());
      assert.deepEqual(shapeProblems(expected, panel), []);
      assert.deepEqual(shapeProblems(fixture('accountSuccessPanel', 'emptyAccount'), panel), []);
      assert.equal(panel.account.Id, accountId);
      assert.equal(
        panel.goals.length,
        await count(`SELECT Id FROM Customer_Goal__c WHERE Account__c = '${accountId}'`)
      );
      assert.ok(panel.goals.length > 0);
      assert.equal(panel.goalCount, panel.goals.length, 'every goal of a demo account fits the list');
      assert.ok(panel.charter?.Id);
      assert.deepEqual(panel.usage, [], 'no usage loaded yet');
      // Two weekly rollups and a monthly one: the panel gets the weeks, newest first, with the fields adoption reads.
      const rollup = (key: string, period: string, start: string, users: number) => ({
        Account__c: accountId,
        Usage_Key__c: key,
        Period__c: period,
        Period_Start__c: start,
        Active_Users__c: users,
        Licensed_Seats__c: 50,
        Features_Used__c: 'Dashboards'
      });
      const written = await connection
        .sobject('Product_Usage__c')
        .create(
          [
            rollup('C-W1', 'Week', '2026-11-16', 30),
            rollup('C-W2', 'Week', '2026-11-23', 35),
            rollup('C-M1', 'Month', '2026-11-01', 40)
          ],
          { allOrNone: true }
        );
      assert.ok(
        written.every((r) => r.success),
        JSON.stringify(written)
      );
      const withUsage = await call<PanelViewModel>('AccountSuccessController.getPanel', { accountId });
      // Apex returns the Id of every queried record, as the platform does.
      assert.ok(withUsage.usage.every((row) => typeof (row as { Id?: string }).Id === 'string'));
      const fields = (row: PanelViewModel['usage'][number]) => ({
        Period__c: row.Period__c,
        Period_Start__c: row.Period_Start__c,
        Active_Users__c: row.Active_Users__c,
        Licensed_Seats__c: row.Licensed_Seats__c,
        Features_Used__c: row.Features_Used__c
      });
      assert.deepEqual(withUsage.usage.map(fields), [
        {
          Period__c: 'Week',
          Period_Start__c: '2026-11-23',
          Active_Users__c: 35,
          Licensed_Seats__c: 50,
          Features_Used__c: 'Dashboards'
        },
        {
          Period__c: 'Week',
          Period_Start__c: '2026-11-16',
          Active_Users__c: 30,
          Licensed_Seats__c: 50,
          Features_Used__c: 'Dashboards'
        }
      ]);
      assert.ok(withUsage.config.keyFeatures.length > 0, 'the shipped key features');
      assert.deepEqual(panel.healthSnapshots, [], 'not scored yet: no snapshot');
      // Fourteen daily snapshots: the panel gets the latest twelve, newest first, each with its stored breakdown.
      const days = Array.from({ length: 14 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
      const snapshots = await connection.sobject('Health_Snapshot__c').create(
        days.map((day, i) => ({
          Name: `Health ${day}`,
          Account__c: accountId,
          Snapshot_Key__c: `${accountId}-${day}`,
          Snapshot_Date__c: day,
          Health_Score__c: 50 + i,
          Health_Band__c: 'Watch',
          Health_Model__c: 'm1-contract',
          Dimensions__c: '[]',
          Reason__c: 'Score Moved'
        })),
        { allOrNone: true }
      );
      assert.ok(
        snapshots.every((r) => r.success),
        JSON.stringify(snapshots)
      );
      const scored = await call<PanelViewModel>('AccountSuccessController.getPanel', { accountId });
      assert.deepEqual(shapeProblems(fixture('accountSuccessPanel', 'fullAccount'), scored), []);
      assert.deepEqual(
        scored.healthSnapshots.map((row) => [row.Snapshot_Date__c, row.Health_Score__c]),
        days
          .slice(2)
          .reverse()
          .map((day) => [day, 50 + days.indexOf(day)])
      );
      assert.ok(
        scored.healthSnapshots.every((row) => row.Dimensions__c === '[]' && row.Health_Model__c === 'm1-contract')
      );
      await assert.rejects(call('AccountSuccessController.getPanel', {}), /An account Id is required\./);
    });
  });

  describe('AccountPlaysController.getPlays', () => {
    it('has the shape of the jest fixtures, the open play with its steps and the closed play the org has', async () => {
      const accountId = lowId;
      await assert.rejects(call('AccountPlaysController.getPlays', {}), /An account Id is required\./);
      const before = await call<PlaysViewModel>('AccountPlaysController.getPlays', { accountId });
      assert.deepEqual(shapeProblems(fixture('accountPlays', 'noPlays'), before), []);
      const [open, closed] = (await connection.sobject('Success_Play__c').create([
        {
          Name: 'Health at risk',
          Account__c: accountId,
          Playbook__c: 'Health_At_Risk',
          Play_Key__c: `${accountId}:Health_At_Risk:contract`,
          Status__c: 'Open',
          Source__c: 'Trigger',
          Opened_On__c: '2026-01-01',
          Trigger_Facts__c: 'Health is At Risk'
        },
        {
          Name: 'Goal overdue',
          Account__c: accountId,
          Playbook__c: 'Goal_Overdue',
          Play_Key__c: `${accountId}:Goal_Overdue:contract`,
          Status__c: 'Closed',
          Source__c: 'Trigger',
          Opened_On__c: '2025-12-01',
          Closed_On__c: '2025-12-21',
          Outcome__c: 'Trigger Cleared',
          Days_To_Clear__c: 20
        }
      ])) as Array<{ id: string; success: boolean }>;
      assert.ok(open.success && closed.success);
      await connection.sobject('Task').create([
        { Subject: 'Call the customer', ActivityDate: '2026-01-01', Status: 'Completed', WhatId: open.id },
        { Subject: 'Agree a plan', ActivityDate: '2026-01-08', Status: 'Not Started', WhatId: open.id },
        { Subject: 'Of the closed play', ActivityDate: '2025-12-05', Status: 'Not Started', WhatId: closed.id }
      ]);
      const plays = await call<PlaysViewModel>('AccountPlaysController.getPlays', { accountId });
      const expected = fixture('accountPlays', 'plays');
      assert.deepEqual(Object.keys(plays).sort(), Object.keys(expected as object).sort());
      assert.deepEqual(shapeProblems(expected, plays), []);
      assert.equal(plays.account.Id, accountId);
      assert.deepEqual(
        plays.openPlays.map((p) => p.Id),
        [open.id]
      );
      assert.deepEqual(
        plays.closedPlays.map((p) => [p.Id, p.Outcome__c, p.Days_To_Clear__c]),
        [[closed.id, 'Trigger Cleared', 20]]
      );
      assert.deepEqual(
        plays.steps.map((t) => [t.Subject, t.IsClosed, t.WhatId]),
        [
          ['Call the customer', true, open.id],
          ['Agree a plan', false, open.id]
        ],
        'the steps of the open play by due date, not those of the closed play'
      );
      assert.equal(typeof plays.steps[0].Owner?.Name, 'string', 'each step with its owner');
      assert.deepEqual([plays.openPlayCount, plays.closedPlayCount, plays.stepCount], [1, 1, 2]);
      assert.equal(
        plays.config.playbooks.length,
        await count('SELECT DeveloperName FROM Playbook__mdt'),
        'every playbook, to start one'
      );
      const { usage } = await invokeApex('AccountPlaysController.getPlays', connection, { accountId }, today);
      assert.ok(usage.soqlQueries <= 11, `${usage.soqlQueries} queries`);
    });
  });

  it('the shape check fails when a key is renamed, typed differently or left as REST returns it', async () => {
    const workspace = await call<WorkspaceData>('CharterWorkspaceController.getWorkspace', {});
    const expected = fixture('charterWorkspace', 'workspace');
    const renamed = JSON.parse(JSON.stringify(workspace)) as { objectives: Array<Record<string, Json>> };
    for (const objective of renamed.objectives) {
      objective.Title = objective.Name;
      delete objective.Name;
    }
    assert.deepEqual(shapeProblems(expected, renamed), ['$.objectives[].Name: missing from every record']);
    const retyped = JSON.parse(JSON.stringify(workspace)) as { tierBandCounts: Array<Record<string, Json>> };
    for (const row of retyped.tierBandCounts) row.accounts = String(row.accounts);
    assert.deepEqual(shapeProblems(expected, retyped), [
      '$.tierBandCounts[].accounts: string where the fixture has number'
    ]);
    const rest = JSON.parse(JSON.stringify(workspace)) as { roles: Array<Record<string, Json>> };
    for (const role of rest.roles) {
      role.attributes = { type: 'Charter_Role__c' };
      role['Person__r.Name'] = (role.Person__r as { Name: string } | null)?.Name ?? null;
      delete role.Person__r;
    }
    const problems = shapeProblems(expected, rest);
    assert.ok(problems.includes('$.roles[]: has REST attributes'), problems.join('\n'));
    assert.ok(problems.includes('$.roles[].Person__r: missing from every record'), problems.join('\n'));
    assert.ok(problems.includes('$.roles[].Person__r.Name: relationship flattened, Apex nests it'));
  });
});
