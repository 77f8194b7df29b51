// Contract of the preview's Apex methods: against a local org with force-app deployed and the demo plan seeded, each
// method returns what its controller returns in Lightning Experience, in the shape the components' jest fixtures
// (the view-model contract) have, with real content that matches the org.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Connection } from 'jsforce';
import { connect } from '../../../../scripts/lib/connection';
import { PROJECT_ROOT } from '../../../../scripts/lib/paths';
import { startLocalOrg, type LocalOrg } from '../../../../scripts/localOrg';
import { runMigrate } from '../../../../scripts/migrate/cli';
import { runSeed } from '../../../../scripts/seed/seed';
import type { WorkspaceData } from '../../../../force-app/main/default/lwc/charterWorkspace/workspaceTypes';
import type { PanelViewModel } from '../../../../force-app/main/default/lwc/accountSuccessPanel/panelTypes';
import { localToday } from '../../../../force-app/main/default/lwc/accountSuccessPanel/clock';
import { apexMethods } from '../index';

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

function sink(lines: string[]): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    }
  });
}

describe('preview Apex methods against the seeded local org', () => {
  let org: LocalOrg;
  let dataDir: string;
  let connection: Connection;
  const today = localToday();
  const call = <T>(name: string, params: Record<string, unknown>, day = today): Promise<T> =>
    apexMethods[name](connection, params, day) as Promise<T>;
  const count = async (soql: string): Promise<number> => (await connection.query(soql)).totalSize;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-contract-'));
    org = await startLocalOrg({ port: 0, dataDir, reset: true, durable: false });
    const output: string[] = [];
    // The token reaches the scripts through the environment only, never the command line.
    const env = { ...process.env, SF_ACCESS_TOKEN: org.accessToken };
    const io = { env, stdout: sink(output), stderr: sink(output) };
    const migrated = await runMigrate({ argv: ['--instance-url', org.instanceUrl], ...io });
    assert.equal(migrated, 0, `migrate failed:\n${output.join('')}`);
    const plan = path.join(PROJECT_ROOT, 'data', 'demo-plan.yaml');
    const journal = path.join(dataDir, 'seed-journal.jsonl');
    const seeded = await runSeed({
      argv: ['--instance-url', org.instanceUrl, '--plan', plan, '--journal', journal],
      cwd: dataDir,
      ...io
    });
    assert.equal(seeded, 0, `seed failed:\n${output.join('')}`);
    ({ connection } = await connect({ instanceUrl: org.instanceUrl, accessToken: org.accessToken }));
  });
  after(async () => {
    await org?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
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

    it('returns program aggregates that agree with direct SOQL', async () => {
      const { program, customers } = workspace;
      for (const key of ['accountsByStage', 'achievedByStage', 'achievedByMonth', 'daysToValue'] as const) {
        assert.ok(program[key].length > 0, `${key} is empty`);
      }
      const staged = await count('SELECT Id FROM Account WHERE Lifecycle_Stage__c != null');
      assert.equal(customers.total, staged);
      assert.equal(
        program.accountsByStage.reduce((sum, row) => sum + (row.accounts ?? 0), 0),
        staged
      );
      const achieved = await count(
        `SELECT Id FROM Customer_Goal__c WHERE Status__c = 'Achieved' AND Achieved_Date__c >= ${workspace.periodStart} AND Achieved_Date__c <= ${workspace.asOf}`
      );
      const sum = (rows: Array<{ goals?: number | null }>) => rows.reduce((total, row) => total + (row.goals ?? 0), 0);
      assert.equal(sum(program.achievedByStage), achieved);
      assert.equal(sum(program.achievedByMonth), achieved);
      // The ranges partition the achieved goals that have a start date.
      const started = await count(
        `SELECT Id FROM Customer_Goal__c WHERE Status__c = 'Achieved' AND Achieved_Date__c >= ${workspace.periodStart} AND Achieved_Date__c <= ${workspace.asOf} AND Start_Date__c != null`
      );
      assert.equal(sum(program.daysToValue), started);
      assert.ok(program.daysToValue.some((row) => row.upper === undefined || row.upper === null) || started > 0);
      for (const row of program.achievedByMonth) {
        const month = `${row.year}-${String(row.month).padStart(2, '0')}`;
        assert.ok(month >= workspace.periodStart.slice(0, 7) && month <= workspace.asOf.slice(0, 7), month);
      }
    });

    it('samples customers with their goals, a count that matches direct SOQL', async () => {
      const account = workspace.customers.accounts.find((a) =>
        workspace.customers.goals.some((g) => g.Account__c === a.Id)
      );
      assert.ok(account?.Id);
      const goals = await count(`SELECT Id FROM Customer_Goal__c WHERE Account__c = '${account.Id}'`);
      assert.equal(workspace.customers.goals.filter((g) => g.Account__c === account.Id).length, goals);
    });

    it('sets asOf and a twelve-month period from the server day', async () => {
      const fixed = await call<WorkspaceData>('CharterWorkspaceController.getWorkspace', {}, '2025-02-20');
      assert.deepEqual([fixed.asOf, fixed.periodStart, fixed.periodEnd], ['2025-02-20', '2024-03-01', '2025-02-20']);
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
      assert.ok(unknown.program.accountsByStage.length > 0, 'the program does not depend on the charter');
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
      assert.ok(panel.charter?.Id);
      await assert.rejects(call('AccountSuccessController.getPanel', {}), /An account Id is required\./);
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
    const retyped = JSON.parse(JSON.stringify(workspace)) as {
      program: { accountsByStage: Array<Record<string, Json>> };
    };
    for (const row of retyped.program.accountsByStage) row.accounts = String(row.accounts);
    assert.deepEqual(shapeProblems(expected, retyped), [
      '$.program.accountsByStage[].accounts: string where the fixture has number'
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
