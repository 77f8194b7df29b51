// Setup objects: Profile, PermissionSet and PermissionSetAssignment as a new org has them, a deployed PermissionSet
// component becoming a PermissionSet record, and the platform's rule that a user holds a permission set once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { Connection } from 'jsforce';
import fs from 'node:fs';
import { startLocalOrg } from '../index';
import { API, call, data, productSchema, startTestOrg, tempDir, type TestOrg } from './helpers';

const NS = 'http://soap.sforce.com/2006/04/metadata';

function permissionSetXml(label: string, description = 'Test permission set.'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="${NS}">
  <description>${description}</description>
  <hasActivationRequired>false</hasActivationRequired>
  <label>${label}</label>
</PermissionSet>
`;
}

async function deployZip(files: Record<string, string>): Promise<string> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64');
}

function packageXml(type: string, members: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Package xmlns="${NS}">
  <types>${members.map((m) => `<members>${m}</members>`).join('')}<name>${type}</name></types>
  <version>${API}</version>
</Package>
`;
}

interface SetRow {
  [field: string]: unknown;
  Id: string;
  Name: string;
  Label: string;
  Description: string | null;
  IsOwnedByProfile: boolean;
  IsCustom: boolean;
  Type: string;
  NamespacePrefix: string | null;
}

describe('local org permission sets', () => {
  let org: TestOrg;
  let conn: Connection;
  before(async () => {
    org = await startTestOrg();
    conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: API });
    conn.metadata.pollInterval = 20;
    conn.metadata.pollTimeout = 20_000;
  });
  after(() => org.dispose());

  async function deploy(files: Record<string, string>): Promise<{ success: boolean; problems: string[] }> {
    const result = await conn.metadata.deploy(await deployZip(files), { rollbackOnError: true }).complete(true);
    const failures = result.details?.componentFailures;
    const list = failures === undefined ? [] : Array.isArray(failures) ? failures : [failures];
    return { success: String(result.success) === 'true', problems: list.map((f) => String(f.problem)) };
  }

  async function sets(where: string): Promise<SetRow[]> {
    return (
      await conn.query<SetRow>(
        `SELECT Id, Name, Label, Description, IsOwnedByProfile, IsCustom, Type, NamespacePrefix FROM PermissionSet WHERE ${where}`
      )
    ).records;
  }

  it('starts with the admin on the System Administrator profile, holding the permission set the profile owns', async () => {
    const users = await conn.query<{ Id: string; Profile: { Name: string } }>('SELECT Id, Profile.Name FROM User');
    assert.equal(users.records[0].Profile.Name, 'System Administrator');
    const profiles = await conn.query<{ Name: string }>('SELECT Name FROM Profile ORDER BY Name');
    assert.deepEqual(
      profiles.records.map((p) => p.Name),
      ['Minimum Access - Salesforce', 'Standard User', 'System Administrator']
    );
    // Each profile owns one permission set; the admin holds the System Administrator's.
    const owned = (await sets('IsOwnedByProfile = true')).filter((s) => s.Label === 'System Administrator');
    assert.equal((await sets('IsOwnedByProfile = true')).length, 3);
    assert.equal(owned.length, 1);
    assert.match(owned[0].Name, /^X00e/);
    assert.equal(owned[0].Type, 'Profile');
    const held = await conn.query<{ PermissionSetId: string; IsActive: boolean }>(
      `SELECT PermissionSetId, IsActive FROM PermissionSetAssignment WHERE AssigneeId = '${users.records[0].Id}'`
    );
    assert.deepEqual(
      held.records.map((r) => [r.PermissionSetId, r.IsActive]),
      [[owned[0].Id, true]]
    );
    const describe = await conn.sobject('PermissionSetAssignment').describe();
    const assignee = describe.fields.find((f) => f.name === 'AssigneeId');
    assert.deepEqual(assignee?.referenceTo, ['User']);
    assert.equal(assignee?.relationshipName, 'Assignee');
    assert.ok(!describe.fields.some((f) => f.name === 'CreatedDate'), 'assignments carry no created audit fields');
  });

  it('creates the PermissionSet record when a PermissionSet component deploys, and updates it on redeploy', async () => {
    const files = (label: string, description?: string) => ({
      'package.xml': packageXml('PermissionSet', ['Charter_User']),
      'permissionsets/Charter_User.permissionset': permissionSetXml(label, description)
    });
    assert.deepEqual(await deploy(files('Charter User')), { success: true, problems: [] });
    const [created] = await sets("Name = 'Charter_User'");
    assert.deepEqual(
      { ...created, Id: created.Id.slice(0, 3) },
      {
        attributes: created.attributes,
        Id: '0PS',
        Name: 'Charter_User',
        Label: 'Charter User',
        Description: 'Test permission set.',
        IsOwnedByProfile: false,
        IsCustom: true,
        Type: 'Regular',
        NamespacePrefix: null
      }
    );
    assert.equal(created.Id.length, 18);

    assert.deepEqual(await deploy(files('Charter Editor', 'Edits the charter.')), { success: true, problems: [] });
    const after = await sets("Name = 'Charter_User'");
    assert.deepEqual(
      after.map((r) => [r.Id, r.Label, r.Description]),
      [[created.Id, 'Charter Editor', 'Edits the charter.']],
      'same record, new label'
    );
  });

  it('creates no record for a check-only deploy or a component without a label', async () => {
    const zip = await deployZip({
      'package.xml': packageXml('PermissionSet', ['Validated_Only']),
      'permissionsets/Validated_Only.permissionset': permissionSetXml('Validated Only')
    });
    const validation = await conn.metadata.deploy(zip, { checkOnly: true }).complete(true);
    assert.equal(String(validation.success), 'true');
    assert.deepEqual(await sets("Name = 'Validated_Only'"), []);

    const noLabel = await deploy({
      'package.xml': packageXml('PermissionSet', ['No_Label']),
      'permissionsets/No_Label.permissionset': `<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="${NS}"><description>x</description></PermissionSet>\n`
    });
    assert.equal(noLabel.success, false);
    assert.match(noLabel.problems[0], /No_Label: Required field is missing: label/);
    assert.deepEqual(await sets("Name = 'No_Label'"), []);
  });

  it('refuses a second assignment of the same permission set to a user with DUPLICATE_VALUE', async () => {
    const [set] = await sets("Name = 'Charter_User'");
    const userId = (await conn.query<{ Id: string }>('SELECT Id FROM User')).records[0].Id;
    const first = await call(org, 'POST', `${data}/sobjects/PermissionSetAssignment`, {
      AssigneeId: userId,
      PermissionSetId: set.Id
    });
    assert.equal(first.status, 201);
    assert.match((first.body as { id: string }).id, /^0Pa/);

    const second = await call(org, 'POST', `${data}/sobjects/PermissionSetAssignment`, {
      AssigneeId: userId,
      PermissionSetId: set.Id
    });
    assert.equal(second.status, 400);
    assert.deepEqual(second.body, [
      {
        message: `Duplicate PermissionSetAssignment. Assignee: ${userId}, PermissionSet: ${set.Id}`,
        errorCode: 'DUPLICATE_VALUE',
        fields: []
      }
    ]);
    // Per record in a collection too, with the other rows unaffected.
    const [other] = await sets('IsOwnedByProfile = true');
    const rows = await call(org, 'POST', `${data}/composite/sobjects`, {
      allOrNone: false,
      records: [
        { attributes: { type: 'PermissionSetAssignment' }, AssigneeId: userId, PermissionSetId: set.Id },
        { attributes: { type: 'PermissionSetAssignment' }, AssigneeId: userId, PermissionSetId: other.Id }
      ]
    });
    assert.deepEqual(
      (rows.body as Array<{ success: boolean; errors: Array<{ statusCode: string }> }>).map((r) => [
        r.success,
        r.errors[0]?.statusCode
      ]),
      [
        [false, 'DUPLICATE_VALUE'],
        [false, 'DUPLICATE_VALUE']
      ]
    );
    const count = await conn.query(`SELECT Id FROM PermissionSetAssignment WHERE PermissionSetId = '${set.Id}'`);
    assert.equal(count.totalSize, 1);

    // Once the assignment is deleted, the user can be given the set again.
    const id = (first.body as { id: string }).id;
    assert.equal((await call(org, 'DELETE', `${data}/sobjects/PermissionSetAssignment/${id}`)).status, 204);
    const again = await call(org, 'POST', `${data}/sobjects/PermissionSetAssignment`, {
      AssigneeId: userId,
      PermissionSetId: set.Id
    });
    assert.equal(again.status, 201);
  });

  it('refuses a second permission set with the same name', async () => {
    const duplicate = await call(org, 'POST', `${data}/sobjects/PermissionSet`, {
      Name: 'Charter_User',
      Label: 'Another'
    });
    assert.equal(duplicate.status, 400);
    assert.equal((duplicate.body as Array<{ errorCode: string }>)[0].errorCode, 'DUPLICATE_DEVELOPER_NAME');
  });

  it('deletes the record and its assignments when a destructive deploy removes the component', async () => {
    const [set] = await sets("Name = 'Charter_User'");
    const result = await deploy({
      'package.xml': packageXml('PermissionSet', []),
      'destructiveChanges.xml': packageXml('PermissionSet', ['Charter_User'])
    });
    assert.deepEqual(result, { success: true, problems: [] });
    assert.deepEqual(await sets("Name = 'Charter_User'"), []);
    const left = await conn.query(`SELECT Id FROM PermissionSetAssignment WHERE PermissionSetId = '${set.Id}'`);
    assert.equal(left.totalSize, 0);
  });
});

describe('an org whose store predates the Setup objects', () => {
  it('gets Profile, PermissionSet and PermissionSetAssignment on start, keeping its records and custom fields', async () => {
    const dataDir = tempDir();
    const old = await startLocalOrg({ port: 0, dataDir });
    old.applySchemaChange({ ...productSchema, upsertCustomMetadata: [] });
    const account = await call(old, 'POST', `${data}/sobjects/Account`, { Name: 'Kept', Success_Key__c: 'K-1' });
    // Rewind the schema to what older stores hold: no Setup objects, User.ProfileId a plain string.
    const legacy = [...old.store.schema().values()]
      .filter((o) => !['Profile', 'PermissionSet', 'PermissionSetAssignment'].includes(o.name))
      .map((o) =>
        o.name === 'User'
          ? {
              ...o,
              fields: o.fields.map((f) =>
                f.name === 'ProfileId'
                  ? {
                      name: 'ProfileId',
                      label: 'Profile ID',
                      type: 'string' as const,
                      length: 18,
                      nillable: true,
                      custom: false
                    }
                  : f
              )
            }
          : o
      );
    old.store.replaceSchema(legacy);
    await old.close();

    const org = await startLocalOrg({ port: 0, dataDir });
    try {
      const conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: API });
      const user = await conn.query<{ Profile: { Name: string } }>('SELECT Profile.Name FROM User');
      assert.equal(user.records[0].Profile.Name, 'System Administrator');
      assert.equal((await conn.query('SELECT Id FROM PermissionSet')).totalSize, 3, 'one owned by each profile');
      assert.equal((await conn.query('SELECT Id FROM PermissionSetAssignment')).totalSize, 1);
      const kept = await conn.query<{ Id: string }>("SELECT Id FROM Account WHERE Success_Key__c = 'K-1'");
      assert.deepEqual(
        kept.records.map((r) => r.Id),
        [(account.body as { id: string }).id]
      );
    } finally {
      await org.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
