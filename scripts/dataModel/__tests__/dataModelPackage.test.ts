// The converted metadata package (what migrate deploys) must carry every piece of the data model, not only the source.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { XMLParser } from 'fast-xml-parser';
import { FORCE_APP, pinnedApiVersion } from '../../lib/paths';
import { readDataModel } from '../forceAppModel';

const model = readDataModel();
let outDir = '';
const members = new Map<string, Set<string>>();

before(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamodel-package-'));
  const set = ComponentSet.fromSource(FORCE_APP);
  set.sourceApiVersion = pinnedApiVersion();
  await new MetadataConverter().convert(set, 'metadata', {
    type: 'directory',
    outputDirectory: outDir,
    genUniqueDir: false
  });
  const manifest = new XMLParser({ parseTagValue: false, isArray: (n) => n === 'types' || n === 'members' }).parse(
    fs.readFileSync(path.join(outDir, 'package.xml'), 'utf8')
  ) as { Package: { types: { name: string; members: string[] }[]; version: string } };
  assert.equal(String(manifest.Package.version), pinnedApiVersion());
  for (const t of manifest.Package.types) members.set(t.name, new Set(t.members.map(String)));
});
after(() => fs.rmSync(outDir, { recursive: true, force: true }));

function assertMember(type: string, name: string): void {
  assert.ok(members.get(type)?.has(name), `package.xml lists ${type} ${name}`);
}

describe('converted metadata package', () => {
  it('lists every custom object and custom metadata type, and every field', () => {
    const objects = model.objects.filter((o) => o.kind !== 'standard');
    // 17, plus Success_Play__c, Playbook__mdt, Playbook_Step__mdt and Program_Snapshot__c.
    assert.equal(objects.length, 21);
    for (const o of objects) assertMember('CustomObject', o.apiName);
    let fields = 0;
    for (const o of model.objects) {
      for (const f of o.fields) {
        assertMember('CustomField', `${o.apiName}.${f.apiName}`);
        fields++;
      }
    }
    assert.equal(members.get('CustomField')?.size, fields);
  });

  it('lists every validation rule, list view and compact layout', () => {
    for (const o of model.objects) {
      for (const r of o.validationRules) assertMember('ValidationRule', `${o.apiName}.${r.name}`);
      for (const v of o.listViews) assertMember('ListView', `${o.apiName}.${v.name}`);
      for (const c of o.compactLayouts) assertMember('CompactLayout', `${o.apiName}.${c.name}`);
    }
    assert.ok((members.get('ValidationRule')?.size ?? 0) >= 15);
  });

  it('lists the permission sets, app, tabs, layouts and every custom metadata record', () => {
    for (const p of [
      'Customer_Success_Admin',
      'Customer_Success_Manager',
      'Customer_Success_Viewer',
      'Customer_Success_Usage_Load',
      'Customer_Success_Scoring'
    ])
      assertMember('PermissionSet', p);
    assertMember('CustomApplication', 'Customer_Success');
    for (const t of model.tabs) assertMember('CustomTab', t.name);
    for (const l of model.layouts) assertMember('Layout', `${l.object}-${l.name}`);
    // 24, plus 5 default playbooks and their 3 + 2 + 2 + 2 + 3 = 12 steps.
    assert.equal(model.customMetadata.length, 41);
    for (const r of model.customMetadata)
      assertMember('CustomMetadata', `${r.type.replace(/__mdt$/, '')}.${r.developerName}`);
  });

  it('lists the health list view, report types, report folder and reports', () => {
    assertMember('ListView', 'Account.CS_At_Risk_Accounts');
    assertMember('ReportType', 'CS_Accounts_Health');
    assertMember('ReportType', 'CS_Accounts_with_Health_Snapshots');
    assertMember('Report', 'Customer_Success_Health/');
    assertMember('Report', 'Customer_Success_Health/CS_Health_Band_By_Tier');
    assertMember('Report', 'Customer_Success_Health/CS_At_Risk_Accounts_By_Health');
  });

  it('writes the field definitions into the object files it deploys', () => {
    const goal = fs.readFileSync(path.join(outDir, 'objects', 'Customer_Goal__c.object'), 'utf8');
    assert.match(goal, /<fullName>Achieved_Requires_Achieved_Date<\/fullName>/);
    assert.match(goal, /<fullName>Goal_Key__c<\/fullName>[\s\S]*?<externalId>true<\/externalId>/);
    const account = fs.readFileSync(path.join(outDir, 'objects', 'Account.object'), 'utf8');
    assert.match(account, /<fullName>Success_Key__c<\/fullName>/);
  });
});
