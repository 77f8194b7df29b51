// Walks force-app and proves the data model rules; each rule is also shown to fail on a model broken on purpose.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import {
  CONTRACT,
  LIFECYCLE_STAGES,
  OPERATIONS_OBJECTS,
  PERMISSION_SETS,
  SCORING_PERMISSION_SET,
  USAGE_LOAD
} from '../contract';
import { type DataModel, type FieldDef, readDataModel } from '../forceAppModel';
import { dataModelProblems } from '../rules';

const MODEL = readDataModel();
const copy = (): DataModel => structuredClone(MODEL);
const object = (m: DataModel, name: string) => {
  const o = m.objects.find((x) => x.apiName === name);
  assert.ok(o, `force-app has ${name}`);
  return o;
};
const field = (m: DataModel, obj: string, name: string): FieldDef => {
  const f = object(m, obj).fields.find((x) => x.apiName === name);
  assert.ok(f, `force-app has ${obj}.${name}`);
  return f;
};
const permset = (m: DataModel, name: string) => {
  const p = m.permissionSets.find((x) => x.name === name);
  assert.ok(p, `force-app has permission set ${name}`);
  return p;
};
/** Asserts that breaking the model produces a problem matching `pattern`, naming the file. */
function expectProblem(m: DataModel, pattern: RegExp, file: string | RegExp): void {
  const problems = dataModelProblems(m);
  const hit = problems.find((p) => pattern.test(p));
  assert.ok(hit, `expected a problem matching ${pattern}, got:\n${problems.join('\n')}`);
  if (typeof file === 'string') assert.ok(hit.startsWith(file), `"${hit}" should name ${file}`);
  else assert.match(hit, file);
}

const temps: string[] = [];
after(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('force-app keeps the data model rules', () => {
  it('has no problems at all', () => {
    assert.deepEqual(dataModelProblems(MODEL), []);
  });

  it('holds every contract object and field, and the custom objects the contract names', () => {
    const custom = MODEL.objects.filter((o) => o.kind === 'custom').map((o) => o.apiName);
    assert.deepEqual(
      custom.sort(),
      Object.keys(CONTRACT)
        .filter((n) => n.endsWith('__c'))
        .sort()
    );
    const contractFields = Object.values(CONTRACT).reduce((n, o) => n + Object.keys(o.fields).length, 0);
    assert.ok(contractFields >= 100, `contract lists ${contractFields} fields`);
  });

  it('gives every custom object exactly one unique, case-sensitive external ID, and no two share a name', () => {
    for (const o of MODEL.objects.filter((x) => x.kind === 'custom')) {
      const keys = o.fields.filter((f) => f.externalId);
      assert.equal(keys.length, 1, `${o.apiName} has one external ID`);
      assert.match(keys[0].apiName, /_Key__c$/);
      assert.ok(keys[0].unique && keys[0].caseSensitive, `${o.apiName}.${keys[0].apiName} unique and case-sensitive`);
    }
    const names = MODEL.objects
      .filter((x) => x.kind === 'custom')
      .map((o) => o.fields.find((f) => f.externalId)?.apiName);
    assert.equal(new Set(names).size, names.length);
  });

  it('knows the migrate journal and version record as operations objects', () => {
    assert.deepEqual([...OPERATIONS_OBJECTS].sort(), ['CS_Data_Migration__c', 'CS_Package_Version__mdt']);
  });

  it('puts every custom field except master-detail in every permission set, and none of the master-detail ones', () => {
    const sets = Object.values(PERMISSION_SETS).map((n) => permset(MODEL, n));
    for (const o of MODEL.objects.filter((x) => x.kind !== 'metadataType')) {
      const operations = OPERATIONS_OBJECTS.includes(o.apiName);
      for (const f of o.fields) {
        const key = `${o.apiName}.${f.apiName}`;
        for (const ps of sets) {
          const listed = ps.fieldPermissions.some((p) => p.field === key);
          const expected = f.type !== 'MasterDetail' && (!operations || ps.name === PERMISSION_SETS.admin);
          assert.equal(listed, expected, `${ps.name} lists ${key}`);
        }
      }
    }
  });

  it('grants the operations objects to the Admin set alone', () => {
    const admin = permset(MODEL, PERMISSION_SETS.admin);
    assert.ok(admin.objectPermissions.some((p) => p.object === 'CS_Data_Migration__c' && p.allowRead));
    assert.ok(admin.customMetadataTypeAccesses.some((a) => a.name === 'CS_Package_Version__mdt' && a.enabled));
    for (const name of [PERMISSION_SETS.manager, PERMISSION_SETS.viewer]) {
      const ps = permset(MODEL, name);
      const named = [
        ...ps.objectPermissions.map((p) => p.object),
        ...ps.customMetadataTypeAccesses.map((a) => a.name),
        ...ps.fieldPermissions.map((p) => p.field.split('.')[0])
      ];
      for (const o of OPERATIONS_OBJECTS) assert.ok(!named.includes(o), `${name} does not grant ${o}`);
    }
  });

  it('gives the Viewer set no edit rights anywhere', () => {
    const viewer = permset(MODEL, PERMISSION_SETS.viewer);
    assert.ok(viewer.fieldPermissions.length > 0);
    assert.ok(viewer.fieldPermissions.every((p) => p.readable && !p.editable));
    assert.ok(viewer.objectPermissions.every((p) => p.allowRead && !p.allowCreate && !p.allowEdit && !p.allowDelete));
  });

  it('uses one list of lifecycle stages on Account, Charter_Role__c and the Lifecycle_Stage__mdt records', () => {
    for (const obj of ['Account', 'Charter_Role__c']) {
      assert.deepEqual(
        field(MODEL, obj, 'Lifecycle_Stage__c').values.map((v) => v.value),
        [...LIFECYCLE_STAGES]
      );
    }
    const records = MODEL.customMetadata.filter((r) => r.type === 'Lifecycle_Stage__mdt');
    assert.deepEqual(
      records.map((r) => r.developerName).sort(),
      LIFECYCLE_STAGES.map((s) => s.replace(/ /g, '_')).sort()
    );
  });

  it('ships health dimension weights that sum to 100', () => {
    const weights = MODEL.customMetadata
      .filter((r) => r.type === 'Health_Dimension__mdt' && r.values['Active__c'] === true)
      .map((r) => Number(r.values['Weight__c']));
    assert.equal(weights.length, 5);
    assert.equal(
      weights.reduce((a, b) => a + b, 0),
      100
    );
  });
});

describe('each rule fails when force-app breaks it', () => {
  it('a field without inline help text', () => {
    const m = copy();
    field(m, 'Customer_Goal__c', 'Unit__c').helpText = '  ';
    expectProblem(
      m,
      /Customer_Goal__c\.Unit__c has no inline help text/,
      'force-app/main/default/objects/Customer_Goal__c/fields/Unit__c.field-meta.xml'
    );
  });

  it('a field without a description', () => {
    const m = copy();
    field(m, 'Account', 'ARR__c').description = undefined;
    expectProblem(m, /Account\.ARR__c has no description/, /ARR__c\.field-meta\.xml/);
  });

  it('an unrestricted picklist', () => {
    const m = copy();
    field(m, 'Charter_Risk__c', 'Category__c').restricted = false;
    expectProblem(
      m,
      /Charter_Risk__c\.Category__c is a picklist that is not restricted/,
      /Category__c\.field-meta\.xml/
    );
  });

  it('a picklist value the contract does not know', () => {
    const m = copy();
    field(m, 'Customer_Goal__c', 'Status__c').values.push({ value: 'Paused', label: 'Paused', isDefault: false });
    expectProblem(
      m,
      /Customer_Goal__c\.Status__c: picklist values are \[.*Paused\], contract says/,
      /Status__c\.field-meta\.xml/
    );
  });

  it('an external ID that is not unique or case-sensitive', () => {
    const m = copy();
    field(m, 'Success_Charter__c', 'Charter_Key__c').caseSensitive = false;
    expectProblem(
      m,
      /Charter_Key__c must be an external ID, unique and case-sensitive/,
      /Charter_Key__c\.field-meta\.xml/
    );
  });

  it('a renamed contract field', () => {
    const m = copy();
    field(m, 'Customer_Risk__c', 'Mitigation__c').apiName = 'Mitigation_Plan__c';
    expectProblem(
      m,
      /Customer_Risk__c\/fields\/Mitigation__c\.field-meta\.xml: contract field is missing/,
      /objects\/Customer_Risk__c/
    );
  });

  it('a field no permission set grants', () => {
    const m = copy();
    for (const ps of m.permissionSets)
      ps.fieldPermissions = ps.fieldPermissions.filter((p) => p.field !== 'Opportunity.CS_Sourced__c');
    expectProblem(
      m,
      /Opportunity\.CS_Sourced__c is not granted/,
      /permissionsets\/Customer_Success_\w+\.permissionset-meta\.xml/
    );
  });

  it('a master-detail field listed in field permissions', () => {
    const m = copy();
    permset(m, PERMISSION_SETS.admin).fieldPermissions.push({
      field: 'Customer_Goal__c.Account__c',
      readable: true,
      editable: true
    });
    expectProblem(
      m,
      /Customer_Goal__c\.Account__c is master-detail or required/,
      /Customer_Success_Admin\.permissionset-meta\.xml/
    );
  });

  it('a manager who can edit product usage rollups (only the load writes them)', () => {
    const m = copy();
    const p = permset(m, PERMISSION_SETS.manager).objectPermissions.find((x) => x.object === 'Product_Usage__c');
    assert.ok(p, 'the Manager set reads Product_Usage__c');
    assert.ok(p.allowRead && !p.allowCreate && !p.allowEdit, 'managers only read usage today');
    p.allowEdit = true;
    expectProblem(m, /Product_Usage__c grants create or edit; managers only read/, /Customer_Success_Manager/);
  });

  it('a usage load set that grants more than the load needs, or too little to upsert', () => {
    const wide = copy();
    const load = permset(wide, USAGE_LOAD.permissionSet);
    load.objectPermissions.push({ ...load.objectPermissions[0], object: 'Customer_Goal__c' });
    expectProblem(wide, /grants Customer_Goal__c; the usage load set grants only/, /Customer_Success_Usage_Load/);
    const deletes = copy();
    permset(deletes, USAGE_LOAD.permissionSet).objectPermissions.find(
      (x) => x.object === 'Product_Usage__c'
    )!.allowDelete = true;
    expectProblem(deletes, /Product_Usage__c grants delete, view all or modify all/, /Customer_Success_Usage_Load/);
    const narrow = copy();
    permset(narrow, USAGE_LOAD.permissionSet).objectPermissions.find(
      (x) => x.object === 'Product_Usage__c'
    )!.allowCreate = false;
    expectProblem(narrow, /must read, create and edit Product_Usage__c/, /Customer_Success_Usage_Load/);
    const keys = copy();
    const fp = permset(keys, USAGE_LOAD.permissionSet).fieldPermissions.find(
      (x) => x.field === 'Account.Product_Account_Id__c'
    )!;
    fp.editable = true;
    expectProblem(
      keys,
      /Account\.Product_Account_Id__c is editable; the load only reads it/,
      /Customer_Success_Usage_Load/
    );
  });

  it('an editable field in the Viewer set', () => {
    const m = copy();
    const p = permset(m, PERMISSION_SETS.viewer).fieldPermissions.find((x) => x.field === 'Customer_Goal__c.Status__c');
    assert.ok(p);
    p.editable = true;
    expectProblem(m, /Customer_Goal__c\.Status__c is editable; the Viewer set is read only/, /Customer_Success_Viewer/);
  });

  it('object edit rights in the Viewer set', () => {
    const m = copy();
    const p = permset(m, PERMISSION_SETS.viewer).objectPermissions.find((x) => x.object === 'Customer_Risk__c');
    assert.ok(p);
    p.allowEdit = true;
    expectProblem(
      m,
      /Customer_Risk__c grants create, edit, delete or modify all; the Viewer set is read only/,
      /Customer_Success_Viewer/
    );
  });

  it('an operations object granted to the Viewer set', () => {
    const m = copy();
    const viewer = permset(m, PERMISSION_SETS.viewer);
    viewer.objectPermissions.push({
      object: 'CS_Data_Migration__c',
      allowCreate: false,
      allowRead: true,
      allowEdit: false,
      allowDelete: false,
      viewAllRecords: false,
      modifyAllRecords: false
    });
    viewer.fieldPermissions.push({ field: 'CS_Data_Migration__c.Status__c', readable: true, editable: false });
    viewer.customMetadataTypeAccesses.push({ name: 'CS_Package_Version__mdt', enabled: true });
    const file = 'force-app/main/default/permissionsets/Customer_Success_Viewer.permissionset-meta.xml';
    expectProblem(m, /: grants CS_Data_Migration__c; operations objects are for admins only/, file);
    expectProblem(m, /: grants CS_Data_Migration__c\.Status__c; operations objects are for admins only/, file);
    expectProblem(m, /: grants CS_Package_Version__mdt; operations objects are for admins only/, file);
  });

  it('an operations object the Admin set does not grant', () => {
    const m = copy();
    const admin = permset(m, PERMISSION_SETS.admin);
    admin.objectPermissions = admin.objectPermissions.filter((p) => p.object !== 'CS_Data_Migration__c');
    admin.customMetadataTypeAccesses = admin.customMetadataTypeAccesses.filter(
      (a) => a.name !== 'CS_Package_Version__mdt'
    );
    expectProblem(m, /no read access to CS_Data_Migration__c \(operations objects/, /Customer_Success_Admin/);
    expectProblem(m, /no access to custom metadata type CS_Package_Version__mdt/, /Customer_Success_Admin/);
  });

  it('a manager who can edit the charter', () => {
    const m = copy();
    const p = permset(m, PERMISSION_SETS.manager).objectPermissions.find((x) => x.object === 'Success_Charter__c');
    assert.ok(p);
    p.allowEdit = true;
    expectProblem(
      m,
      /Success_Charter__c grants create or edit; managers only read the charter/,
      /Customer_Success_Manager/
    );
  });

  it('a manager who cannot create goals', () => {
    const m = copy();
    const p = permset(m, PERMISSION_SETS.manager).objectPermissions.find((x) => x.object === 'Customer_Goal__c');
    assert.ok(p);
    p.allowCreate = false;
    expectProblem(m, /managers must create and edit Customer_Goal__c/, /Customer_Success_Manager/);
  });

  it('an editable formula field', () => {
    const m = copy();
    const p = permset(m, PERMISSION_SETS.admin).fieldPermissions.find((x) => x.field === 'Charter_Risk__c.Score__c');
    assert.ok(p);
    p.editable = true;
    expectProblem(m, /formula field Charter_Risk__c\.Score__c cannot be editable/, /Customer_Success_Admin/);
  });

  it('a missing required validation rule', () => {
    const m = copy();
    const o = object(m, 'Customer_Goal__c');
    o.validationRules = o.validationRules.filter((r) => r.name !== 'Achieved_Requires_Achieved_Date');
    expectProblem(
      m,
      /Achieved_Requires_Achieved_Date\.validationRule-meta\.xml: required validation rule is missing/,
      /Customer_Goal__c/
    );
  });

  it('a validation rule that names an unknown field', () => {
    const m = copy();
    const rule = object(m, 'Success_Charter__c').validationRules.find(
      (r) => r.name === 'Active_Charter_Requires_Mission'
    );
    assert.ok(rule);
    rule.formula = "AND(ISPICKVAL(Status__c, 'Active'), ISBLANK(Mission_Statement__c))";
    expectProblem(
      m,
      /Active_Charter_Requires_Mission formula names unknown field Mission_Statement__c/,
      /Active_Charter_Requires_Mission\.validationRule-meta\.xml/
    );
  });

  it('an object without its All list view or compact layout', () => {
    const m = copy();
    const o = object(m, 'Charter_Role__c');
    o.listViews = [];
    o.compactLayouts = [];
    expectProblem(m, /Charter_Role__c has no list view "All"/, /Charter_Role__c\.object-meta\.xml/);
    expectProblem(
      m,
      /compactLayoutAssignment Charter_Role_Compact names no compact layout/,
      /Charter_Role__c\.object-meta\.xml/
    );
  });

  it('a field missing from its page layout', () => {
    const m = copy();
    const l = m.layouts.find((x) => x.object === 'Charter_Objective__c');
    assert.ok(l);
    l.items = l.items.filter((i) => i.field !== 'Unit__c');
    expectProblem(
      m,
      /Charter_Objective__c\.Unit__c is not on the layout/,
      /layouts\/Charter_Objective__c-Charter Objective Layout\.layout-meta\.xml/
    );
  });

  it('a custom metadata record with an unknown picklist value or a missing default record', () => {
    const m = copy();
    const band = m.customMetadata.find((r) => r.developerName === 'Watch');
    assert.ok(band);
    band.values['Variant__c'] = 'amber';
    m.customMetadata = m.customMetadata.filter((r) => r.developerName !== 'Goal_Timeliness');
    expectProblem(m, /Watch\.Variant__c = "amber" is not a value of the picklist/, /Health_Band\.Watch\.md-meta\.xml/);
    expectProblem(m, /Health_Dimension\.Goal_Timeliness\.md-meta\.xml: default record is missing/, /customMetadata/);
  });

  it('an ICP criterion on a field Account does not have', () => {
    const m = copy();
    const c = m.customMetadata.find((r) => r.type === 'ICP_Criterion__mdt');
    assert.ok(c);
    c.values['Field__c'] = 'Employees';
    expectProblem(m, /Field__c "Employees" is not a known Account field/, /ICP_Criterion\./);
  });

  it('a playbook step of an unknown playbook, or a playbook on an unknown band', () => {
    const m = copy();
    const step = m.customMetadata.find((r) => r.type === 'Playbook_Step__mdt');
    assert.ok(step);
    step.values['Playbook__c'] = 'Health_Falls';
    const playbook = m.customMetadata.find((r) => r.type === 'Playbook__mdt' && r.values['Band__c']);
    assert.ok(playbook);
    playbook.values['Band__c'] = 'Red';
    expectProblem(m, /Playbook__c "Health_Falls" is not a playbook/, /Playbook_Step\./);
    expectProblem(m, /Band__c "Red" is not a health band/, /Playbook\./);
  });

  it('an activity related list on an object without activities', () => {
    const m = copy();
    object(m, 'Success_Play__c').enableActivities = false;
    expectProblem(m, /related list RelatedActivityList needs enableActivities on Success_Play__c/, /Success_Play__c-/);
  });

  it('a scoring set that may delete plays (it opens and closes them, never deletes)', () => {
    const m = copy();
    const p = permset(m, SCORING_PERMISSION_SET).objectPermissions.find((x) => x.object === 'Success_Play__c');
    assert.ok(p);
    p.allowDelete = true;
    expectProblem(m, /Success_Play__c grants create or delete/, /Customer_Success_Scoring/);
  });

  it('a manager or viewer who can edit what the scoring run writes', () => {
    const m = copy();
    const fp = permset(m, PERMISSION_SETS.manager).fieldPermissions.find((x) => x.field === 'Account.Health_Score__c');
    assert.ok(fp);
    fp.editable = true;
    const vp = permset(m, PERMISSION_SETS.viewer).fieldPermissions.find(
      (x) => x.field === 'Health_Snapshot__c.Dimensions__c'
    );
    assert.ok(vp);
    vp.editable = true;
    expectProblem(
      m,
      /Account\.Health_Score__c is editable; only the scoring run writes it/,
      /Customer_Success_Manager/
    );
    expectProblem(m, /Health_Snapshot__c\.Dimensions__c is editable; only the scoring run/, /Customer_Success_Viewer/);
  });

  it('a manager who may create health snapshots', () => {
    const m = copy();
    const p = permset(m, PERMISSION_SETS.manager).objectPermissions.find((x) => x.object === 'Health_Snapshot__c');
    assert.ok(p);
    p.allowCreate = true;
    expectProblem(m, /Health_Snapshot__c grants create or edit; managers only read/, /Customer_Success_Manager/);
  });

  it('a scoring set that edits a field the run does not own, misses one it writes, or holds modify all', () => {
    const m = copy();
    const ps = permset(m, SCORING_PERMISSION_SET);
    const stage = ps.fieldPermissions.find((x) => x.field === 'Account.Lifecycle_Stage__c');
    assert.ok(stage);
    stage.editable = true;
    ps.fieldPermissions = ps.fieldPermissions.filter((x) => x.field !== 'Account.Health_Band__c');
    const account = ps.objectPermissions.find((x) => x.object === 'Account');
    assert.ok(account);
    account.modifyAllRecords = true;
    const goals = ps.objectPermissions.find((x) => x.object === 'Customer_Goal__c');
    assert.ok(goals);
    goals.viewAllRecords = false;
    goals.allowEdit = true;
    const file = /Customer_Success_Scoring\.permissionset-meta\.xml/;
    expectProblem(m, /Account\.Lifecycle_Stage__c is editable; the scoring run writes only its own fields/, file);
    expectProblem(m, /Account\.Health_Band__c is not editable; the scoring run writes it/, file);
    expectProblem(m, /Account grants modify all/, file);
    expectProblem(m, /Customer_Goal__c needs read and view all/, file);
    expectProblem(m, /Customer_Goal__c grants edit; the run writes none of its fields/, file);
  });

  it('a scoring set without the snapshot settings, or no scoring set at all', () => {
    const m = copy();
    const ps = permset(m, SCORING_PERMISSION_SET);
    ps.customMetadataTypeAccesses = ps.customMetadataTypeAccesses.filter(
      (a) => a.name !== 'Health_Snapshot_Setting__mdt'
    );
    expectProblem(m, /no access to custom metadata type Health_Snapshot_Setting__mdt/, /Customer_Success_Scoring/);
    m.permissionSets = m.permissionSets.filter((p) => p.name !== SCORING_PERMISSION_SET);
    expectProblem(m, /Customer_Success_Scoring\.permissionset-meta\.xml: permission set is missing/, /permissionsets/);
  });

  it('an app without the goal tab', () => {
    const m = copy();
    const app = m.applications[0];
    app.tabs = app.tabs.filter((t) => t !== 'Customer_Goal__c');
    expectProblem(m, /tab Customer_Goal__c is not in the app/, /applications\/Customer_Success\.app-meta\.xml/);
  });
});

describe('reading force-app', () => {
  const cases = [
    {
      title: 'names the file and line of malformed XML',
      xml: '<?xml version="1.0"?>\n<CustomField>\n<label>Size</label>\n</CustomFeld>\n',
      error: /force-app\/main\/default\/objects\/Widget__c\/fields\/Size__c\.field-meta\.xml:4: malformed XML/
    },
    {
      title: 'names the file and element when a field has no type',
      xml: '<?xml version="1.0"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Size__c</fullName><label>Size</label></CustomField>\n',
      error: /Size__c\.field-meta\.xml: <type> is missing/
    }
  ];
  for (const { title, xml, error } of cases) {
    it(title, () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'datamodel-'));
      temps.push(root);
      const dir = path.join(root, 'force-app/main/default/objects/Widget__c/fields');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'Size__c.field-meta.xml'), xml);
      assert.throws(() => readDataModel(path.join(root, 'force-app/main/default'), root), error);
    });
  }
});
