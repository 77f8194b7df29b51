// --assign-permsets end to end against the local org: migrate deploys a PermissionSet component, the org makes it a
// PermissionSet record, and the running user is assigned it once; a second run sees the assignment and adds none.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { Connection } from 'jsforce';
import { startLocalOrg, type LocalOrg } from '../../localOrg';
import { runMigrate } from '../cli';
import { RUNNING_USER_PERMISSION_SET } from '../permsets';
import { makeFixtureProject, type FixtureProject } from './fixtureProject';

let org: LocalOrg;
let project: FixtureProject;
let dataDir: string;
let conn: Connection;

async function migrate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runMigrate({
    projectRoot: project.root,
    argv: ['--instance-url', org.instanceUrl, ...args],
    env: { SF_ACCESS_TOKEN: org.accessToken },
    stdout: { write: (t: string) => ((stdout += t), true) },
    stderr: { write: (t: string) => ((stderr += t), true) },
    poll: { sleep: async () => undefined },
    dataMigrations: [],
    build: () => assert.fail('the fixture has no LWCs to build')
  });
  assert.ok(!stdout.includes(org.accessToken) && !stderr.includes(org.accessToken), 'the access token was printed');
  return { code, stdout, stderr };
}

function writePermissionSet(label: string): void {
  const dir = path.join(project.root, 'force-app', 'main', 'default', 'permissionsets');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, `${RUNNING_USER_PERMISSION_SET}.permissionset-meta.xml`),
    `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
  <description>Runs the practice.</description>
  <hasActivationRequired>false</hasActivationRequired>
  <label>${label}</label>
  <objectPermissions>
    <allowCreate>true</allowCreate>
    <allowDelete>true</allowDelete>
    <allowEdit>true</allowEdit>
    <allowRead>true</allowRead>
    <modifyAllRecords>false</modifyAllRecords>
    <object>Widget__c</object>
    <viewAllRecords>false</viewAllRecords>
  </objectPermissions>
</PermissionSet>
`
  );
}

async function assignments(): Promise<Array<{ Id: string; AssigneeId: string }>> {
  const result = await conn.query<{ Id: string; AssigneeId: string }>(
    `SELECT Id, AssigneeId FROM PermissionSetAssignment WHERE PermissionSet.Name = '${RUNNING_USER_PERMISSION_SET}'`
  );
  return result.records.map(({ Id, AssigneeId }) => ({ Id, AssigneeId }));
}

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-permsets-org-'));
  org = await startLocalOrg({ port: 0, dataDir, reset: true });
  conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: '66.0' });
  project = makeFixtureProject('1.0.0');
  writePermissionSet('Customer Success Admin');
});

afterEach(async () => {
  await org.close();
  project.cleanup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('migrate --assign-permsets against the local org', () => {
  it('deploys the permission set, assigns it to the running user once, and a re-run adds no duplicate', async () => {
    const first = await migrate(['--assign-permsets']);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /create {4}PermissionSet Customer_Success_Admin/);
    assert.match(first.stdout, /Permission set Customer_Success_Admin assigned to the running user/);
    const { user_id: userId } = await conn.request<{ user_id: string }>('/services/oauth2/userinfo');
    const once = await assignments();
    assert.deepEqual(
      once.map((a) => a.AssigneeId),
      [userId]
    );

    const second = await migrate(['--assign-permsets', '--json']);
    assert.equal(second.code, 0, second.stderr);
    const report = JSON.parse(second.stdout) as { result: string; permissionSet?: { assigned: boolean } };
    assert.equal(report.result, 'up-to-date');
    assert.deepEqual(report.permissionSet, { permissionSet: RUNNING_USER_PERMISSION_SET, assigned: false });
    assert.deepEqual(await assignments(), once, 'the same single assignment');

    const third = await migrate(['--assign-permsets']);
    assert.equal(third.code, 0, third.stderr);
    assert.match(third.stdout, /Permission set Customer_Success_Admin already assigned to the running user/);
    assert.deepEqual(await assignments(), once);
  });

  it('keeps the assignment when a new version changes the permission set, and the record takes the new label', async () => {
    assert.equal((await migrate(['--assign-permsets'])).code, 0);
    const before = await assignments();
    project.setVersion('1.1.0');
    writePermissionSet('Customer Success Administrator');
    const run = await migrate(['--assign-permsets']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /already assigned to the running user/);
    assert.deepEqual(await assignments(), before);
    const label = await conn.query<{ Label: string }>(
      `SELECT Label FROM PermissionSet WHERE Name = '${RUNNING_USER_PERMISSION_SET}'`
    );
    assert.deepEqual(
      label.records.map((r) => r.Label),
      ['Customer Success Administrator']
    );
  });

  it('fails with a message naming the permission set when the source does not hold it', async () => {
    fs.rmSync(path.join(project.root, 'force-app', 'main', 'default', 'permissionsets'), { recursive: true });
    const run = await migrate(['--assign-permsets']);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /PermissionSet Customer_Success_Admin: not found in the org after the deploy/);
    assert.equal((await conn.query('SELECT Id FROM PermissionSetAssignment')).totalSize, 1, 'only the profile one');
  });
});
