// The preview as each user, against the local org with force-app deployed and the demo plan seeded: the shell's
// "View as" picks the admin, an account manager or a viewer; every Apex stand-in, UI API write and object-info
// answer then runs as that user, and the local org enforces its permission set and sharing. Expected outcomes come
// from the permission set files and the demo plan (NORTHWIND is in Onboarding, CONTOSO in Adoption).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from 'jsforce';
import { PROJECT_ROOT } from '../../../scripts/lib/paths';
import { DEMO_PLAN, startForceAppOrg, type ForceAppOrg } from '../../../scripts/localOrg/__tests__/forceAppOrg';
import { deployFiles } from '../../../scripts/localOrg/metadata/__tests__/helpers';
import type { PanelViewModel } from '../../../force-app/main/default/lwc/accountSuccessPanel/panelTypes';
import type { WorkspaceData } from '../../../force-app/main/default/lwc/charterWorkspace/workspaceTypes';
import { startPreviewServer, type PreviewServer } from '../server';
import { previewUsers, type PreviewUser } from '../users';

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- each test reads the shape it asked for
  setCookie: string | null;
}

describe('the preview as the admin, a manager and a viewer', () => {
  let org: ForceAppOrg;
  let server: PreviewServer;
  let users: PreviewUser[];
  let admin: Connection;
  const accounts = new Map<string, string>();
  let charterId: string;

  /** One preview request as the given user (the cookie the shell's switcher sets). */
  async function as(user: string, method: string, route: string, body?: unknown): Promise<Answer> {
    const response = await fetch(`${server.url}${route.replace(/^\//, '')}`, {
      method,
      headers: {
        cookie: `preview_user=${user}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' })
      },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
      setCookie: response.headers.get('set-cookie')
    };
  }
  const panel = (user: string, key: string) =>
    as(user, 'POST', '/preview/api/apex/AccountSuccessController/getPanel', { accountId: accounts.get(key) });
  const workspace = (user: string) =>
    as(user, 'POST', '/preview/api/apex/CharterWorkspaceController/getWorkspace', { charterId: null });
  const errorCodes = (answer: Answer): string[] => [
    ...answer.body.output.errors.map((e: { errorCode: string }) => e.errorCode),
    ...Object.values(answer.body.output.fieldErrors as Record<string, Array<{ errorCode: string }>>)
      .flat()
      .map((e) => e.errorCode)
  ];

  async function deploy(files: Record<string, string>, types: Record<string, string[]>): Promise<void> {
    await deployFiles(admin, files, types);
  }

  before(async () => {
    org = await startForceAppOrg({ seedPlan: DEMO_PLAN });
    users = await previewUsers(org);
    admin = users[0].connection;
    server = await startPreviewServer({ port: 0, connection: admin, users });
    const rows = await admin.query<{ Id: string; Success_Key__c: string }>('SELECT Id, Success_Key__c FROM Account');
    for (const row of rows.records) accounts.set(row.Success_Key__c, row.Id);
    charterId = (await admin.query<{ Id: string }>("SELECT Id FROM Success_Charter__c WHERE Status__c = 'Active'"))
      .records[0].Id;
  });
  after(async () => {
    await server?.close();
    await org?.dispose();
  });

  it('offers the admin, a manager and a viewer, and remembers the choice in a cookie', async () => {
    const listed = await as('viewer', 'GET', '/preview/api/users');
    assert.deepEqual(listed.body, {
      current: 'viewer',
      users: [
        { key: 'admin', label: 'Admin' },
        { key: 'manager', label: 'Account manager' },
        { key: 'viewer', label: 'Viewer' }
      ]
    });
    const chosen = await as('admin', 'POST', '/preview/api/users', { key: 'manager' });
    assert.match(chosen.setCookie ?? '', /^preview_user=manager; Path=\/; SameSite=Strict; HttpOnly/);
    assert.equal((await as('admin', 'POST', '/preview/api/users', { key: 'root' })).status, 400);
    // A second start finds the same users: nothing is created twice.
    const again = await previewUsers(org);
    assert.deepEqual(
      again.map((u) => u.key),
      ['admin', 'manager', 'viewer']
    );
    const count = await admin.query("SELECT Id FROM User WHERE Username LIKE '%@customer-success.preview'");
    assert.equal(count.totalSize, 2);
  });

  it('writes the Id of the user the page runs as into the shell page, for @salesforce/user/Id', async () => {
    const ids = await admin.query<{ Id: string; Username: string }>(
      "SELECT Id, Username FROM User WHERE Username LIKE '%@customer-success.preview'"
    );
    const managerId = ids.records.find((u) => u.Username === 'manager@customer-success.preview')?.Id;
    assert.ok(managerId);
    const page = await fetch(server.url, { headers: { cookie: 'preview_user=manager' } });
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, new RegExp(`<meta name="preview-user-id" content="${managerId}" />`));
    assert.match(html, /<script type="module" src="\/dist\/main\.js">/);
  });

  it('lets the viewer read the panel and the workspace, says it may not write, and refuses every write', async () => {
    const read = await panel('viewer', 'NORTHWIND');
    assert.equal(read.status, 200, JSON.stringify(read.body));
    const model = read.body as PanelViewModel;
    assert.equal(model.account.Name, 'Northwind Health Systems');
    assert.ok(model.goals.length > 0);
    const work = await workspace('viewer');
    assert.equal(work.status, 200, JSON.stringify(work.body));
    assert.equal((work.body as WorkspaceData).charter?.Id, charterId);

    for (const object of ['Customer_Goal__c', 'Success_Charter__c', 'Charter_Objective__c', 'Charter_Risk__c']) {
      const info = await as('viewer', 'GET', `/preview/api/ui/object-info/${object}`);
      assert.deepEqual([info.body.createable, info.body.updateable], [false, false], object);
    }
    const goal = await as('viewer', 'POST', '/preview/api/ui/records', {
      apiName: 'Customer_Goal__c',
      fields: { Name: 'Not mine to add', Account__c: accounts.get('NORTHWIND') }
    });
    assert.equal(goal.status, 400);
    assert.deepEqual(errorCodes(goal), ['INVALID_TYPE_FOR_OPERATION']);
    const edit = await as('viewer', 'PATCH', `/preview/api/ui/records/${model.goals[0].Id}`, {
      fields: { Current_Value__c: 1 }
    });
    assert.deepEqual(errorCodes(edit), ['INVALID_TYPE_FOR_OPERATION']);
    const charter = await as('viewer', 'PATCH', `/preview/api/ui/records/${charterId}`, { fields: { Name: 'X' } });
    assert.deepEqual(errorCodes(charter), ['INVALID_TYPE_FOR_OPERATION']);
  });

  it('lets the manager add and update goals and risks, and not edit the charter or the configuration', async () => {
    const info = await as('manager', 'GET', '/preview/api/ui/object-info/Customer_Goal__c');
    assert.deepEqual([info.body.createable, info.body.updateable], [true, true]);
    const charterInfo = await as('manager', 'GET', '/preview/api/ui/object-info/Success_Charter__c');
    assert.deepEqual([charterInfo.body.createable, charterInfo.body.updateable], [false, false]);

    const added = await as('manager', 'POST', '/preview/api/ui/records', {
      apiName: 'Customer_Goal__c',
      fields: { Name: 'Cut ticket backlog', Account__c: accounts.get('NORTHWIND'), Status__c: 'Not Started' }
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const updated = await as('manager', 'PATCH', `/preview/api/ui/records/${added.body.id}`, {
      fields: { Status__c: 'On Track' }
    });
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    const risk = await as('manager', 'POST', '/preview/api/ui/records', {
      apiName: 'Customer_Risk__c',
      fields: { Name: 'Champion leaving', Account__c: accounts.get('NORTHWIND'), Impact__c: 4, Likelihood__c: 3 }
    });
    assert.equal(risk.status, 201, JSON.stringify(risk.body));
    const after = (await panel('manager', 'NORTHWIND')).body as PanelViewModel;
    assert.equal(after.goals.find((g) => g.Id === added.body.id)?.Status__c, 'On Track');
    assert.ok(after.risks.some((r) => r.Id === risk.body.id));

    const charter = await as('manager', 'PATCH', `/preview/api/ui/records/${charterId}`, { fields: { Name: 'X' } });
    assert.deepEqual(errorCodes(charter), ['INVALID_TYPE_FOR_OPERATION']);
    const band = await as('manager', 'POST', '/preview/api/ui/records', {
      apiName: 'Health_Band__mdt',
      fields: { DeveloperName: 'Gold' }
    });
    assert.deepEqual(errorCodes(band), ['INVALID_TYPE_FOR_OPERATION'], 'configuration is custom metadata');
  });

  it('keeps a private account outside a user’s sharing out of that user’s workspace figures and panel', async () => {
    await deploy(
      {
        'objects/Account.object':
          '<?xml version="1.0" encoding="UTF-8"?><CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><sharingModel>Private</sharingModel></CustomObject>'
      },
      { CustomObject: ['Account'] }
    );
    const manager = (
      await admin.query<{ Id: string }>("SELECT Id FROM User WHERE Username = 'manager@customer-success.preview'")
    ).records[0].Id;
    for (const key of ['NORTHWIND', 'CONTOSO']) {
      await admin.sobject('Account').update({ Id: accounts.get(key)!, OwnerId: manager });
    }
    // Stored health on every account, as a scoring run leaves it: the attention list then has rows to hide.
    let score = 10;
    for (const id of accounts.values()) {
      await admin.sobject('Account').update({ Id: id, Health_Score__c: score++, Health_Band__c: 'At_Risk' });
    }
    const all = (await workspace('admin')).body as WorkspaceData;
    const mine = (await workspace('manager')).body as WorkspaceData;
    const total = (rows: WorkspaceData['tierBandCounts']) => rows.reduce((n, r) => n + r.accounts, 0);
    assert.equal(total(all.tierBandCounts), accounts.size, 'the admin counts every account');
    assert.equal(total(mine.tierBandCounts), 2, 'the manager counts the two accounts it owns');
    assert.equal(all.attention.length, Math.min(10, accounts.size));
    assert.deepEqual(
      mine.attention.map((a) => a.Id).sort(),
      [accounts.get('CONTOSO'), accounts.get('NORTHWIND')].sort()
    );
    const outside = await panel('manager', 'FABRIKAM');
    assert.equal(outside.status, 500);
    assert.equal(outside.body.message, 'The account does not exist or you do not have access to it.');
    assert.equal((await panel('manager', 'NORTHWIND')).status, 200);
  });

  it('refuses the panel with the platform message naming a field taken out of the user’s permission set', async () => {
    const file = fs.readFileSync(
      path.join(
        PROJECT_ROOT,
        'force-app',
        'main',
        'default',
        'permissionsets',
        'Customer_Success_Manager.permissionset-meta.xml'
      ),
      'utf8'
    );
    const withoutArr = file.replace(
      /<fieldPermissions>\s*<editable>\w+<\/editable>\s*<field>Account\.ARR__c<\/field>\s*<readable>\w+<\/readable>\s*<\/fieldPermissions>/,
      ''
    );
    await deploy(
      { 'permissionsets/Customer_Success_Manager.permissionset': withoutArr },
      { PermissionSet: ['Customer_Success_Manager'] }
    );
    const refused = await panel('manager', 'NORTHWIND');
    assert.equal(refused.status, 500);
    assert.match(refused.body.message, /No such column 'ARR__c' on entity 'Account'/);
    const info = await as('manager', 'GET', '/preview/api/ui/object-info/Account');
    assert.ok(!info.body.fields.some((f: { apiName: string }) => f.apiName === 'ARR__c'), 'gone from object info');
    assert.equal((await panel('admin', 'NORTHWIND')).status, 200, 'the admin still reads it');
  });
});
