// Deploy and checkDeployStatus driven by real jsforce against the Metadata API over HTTP.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { DeployResult } from 'jsforce/lib/api/metadata';
import {
  cmdtRecord,
  deployZip as deploy,
  failures,
  field,
  hasField,
  objectFile,
  packageXml,
  sdrZip,
  startTestOrg,
  successes,
  zipOf,
  type TestOrg
} from './helpers';

describe('deploy of the sample app with jsforce', () => {
  let org: TestOrg;
  let result: DeployResult;
  before(async () => {
    org = await startTestOrg();
    result = await deploy(org, await sdrZip(), { rollbackOnError: true });
  });
  after(() => org.close());

  it('succeeds and reports every component', () => {
    assert.equal(result.status, 'Succeeded');
    assert.equal(result.success, true);
    assert.equal(result.done, true);
    assert.match(result.id, /^0Af[0-9A-Za-z]{15}$/);
    assert.equal(result.numberComponentErrors, 0);
    assert.equal(result.numberComponentsDeployed, result.numberComponentsTotal);
    const names = successes(result).map((s) => `${s.componentType}:${s.fullName}`);
    for (const expected of [
      'CustomObject:Charter__c',
      'CustomField:Customer_Goal__c.Charter__c',
      'CustomField:Account.Health_Score__c',
      'ValidationRule:Charter__c.Statement_Required_When_Published',
      'CustomMetadata:Health_Band.Green',
      'ApexClass:CharterController',
      'PermissionSet:Charter_User'
    ]) {
      assert.ok(names.includes(expected), `${expected} missing from ${names.join(', ')}`);
    }
    const field = successes(result).find((s) => s.fullName === 'Customer_Goal__c.Charter__c');
    assert.equal(field?.fileName, 'objects/Customer_Goal__c.object');
    assert.equal(field?.created, true);
  });

  it('turns objects and fields into the schema describe answers', () => {
    const charter = org.host.schema().get('Charter__c');
    assert.ok(charter);
    assert.equal(charter.label, 'Charter');
    assert.equal(charter.labelPlural, 'Charters');
    assert.equal(charter.custom, true);
    assert.match(charter.keyPrefix, /^a[0-9A-Za-z]{2}$/);
    const byName = new Map(charter.fields.map((f) => [f.name, f]));
    assert.deepEqual([...byName.keys()].slice(0, 3), ['Id', 'Name', 'OwnerId']);
    assert.equal(byName.get('Name')?.label, 'Charter Name');
    const status = byName.get('Status__c');
    assert.equal(status?.type, 'picklist');
    assert.equal(status?.nillable, false);
    assert.equal(status?.restrictedPicklist, true);
    assert.equal(status?.defaultValue, 'Draft');
    assert.deepEqual(
      status?.picklistValues?.map((p) => p.value),
      ['Draft', 'Published']
    );
    const key = byName.get('Charter_Key__c');
    assert.equal(key?.externalId, true);
    assert.equal(key?.unique, true);
    assert.equal(key?.length, 80);
    assert.equal(byName.get('Statement__c')?.type, 'textarea');
    assert.equal(byName.get('Statement__c')?.length, 32768);
    assert.equal(charter.validationRules?.[0].errorMessage, 'A published charter needs a statement.');

    const goal = org.host.schema().get('Customer_Goal__c');
    const goalFields = new Map(goal?.fields.map((f) => [f.name, f]));
    assert.equal(goalFields.has('OwnerId'), false, 'the detail of a master-detail has no owner');
    assert.equal(goalFields.get('Name')?.calculated, true, 'auto-number name');
    const master = goalFields.get('Charter__c');
    assert.deepEqual(
      {
        type: master?.type,
        referenceTo: master?.referenceTo,
        relationshipName: master?.relationshipName,
        childRelationshipName: master?.childRelationshipName,
        masterDetail: master?.masterDetail,
        cascadeDelete: master?.cascadeDelete,
        nillable: master?.nillable
      },
      {
        type: 'reference',
        referenceTo: ['Charter__c'],
        relationshipName: 'Charter__r',
        childRelationshipName: 'Customer_Goals__r',
        masterDetail: true,
        cascadeDelete: true,
        nillable: false
      }
    );
    assert.equal(goalFields.get('Account__c')?.nillable, true);
    assert.equal(goalFields.get('Target_Value__c')?.type, 'double');
    assert.equal(goalFields.get('Target_Value__c')?.scale, 2);
    assert.equal(goalFields.get('Progress__c')?.type, 'percent');
    assert.equal(goalFields.get('Achieved__c')?.type, 'boolean');
    assert.equal(goalFields.get('Achieved__c')?.defaultValue, false);
    assert.equal(goalFields.get('Due_Date__c')?.type, 'date');
    assert.equal(goalFields.get('Remaining__c')?.calculated, true);
    assert.equal(goalFields.get('Remaining__c')?.formula, 'Target_Value__c * (1 - Progress__c)');
  });

  it('merges custom fields into standard objects', () => {
    const account = org.host.schema().get('Account');
    assert.equal(account?.keyPrefix, '001');
    assert.ok(
      account?.fields.some((f) => f.name === 'Industry'),
      'standard fields kept'
    );
    const score = account?.fields.find((f) => f.name === 'Health_Score__c');
    assert.equal(score?.type, 'double');
    assert.equal(score?.scale, 0);
    assert.equal(score?.precision, 3);
  });

  it('creates custom metadata types and typed records', () => {
    const band = org.host.schema().get('Health_Band__mdt');
    assert.equal(band?.customMetadata, true);
    for (const f of ['Id', 'DeveloperName', 'MasterLabel', 'Label', 'QualifiedApiName', 'NamespacePrefix']) {
      assert.ok(
        band?.fields.some((x) => x.name === f),
        `${f} missing`
      );
    }
    assert.deepEqual(org.host.cmdt.get('Health_Band__mdt.Green'), {
      type: 'Health_Band__mdt',
      developerName: 'Green',
      label: 'Green',
      values: { Min_Score__c: 70, Color__c: 'success', Is_Default__c: true }
    });
    assert.equal(org.host.cmdt.get('Health_Band__mdt.Red')?.values.Is_Default__c, false);
  });

  it('reports an unchanged component on a second deploy of the same zip, and accepts a zip stream', async () => {
    const again = await deploy(org, Readable.from([await sdrZip()]));
    assert.equal(again.status, 'Succeeded');
    const object = successes(again).find((s) => s.fullName === 'Charter__c');
    assert.equal(object?.created, false);
    assert.equal(object?.changed, false);
  });

  it('answers checkDeployStatus after a restart, from stored state', async () => {
    org.restart();
    const status = await org.conn.metadata.checkDeployStatus(result.id, true);
    assert.equal(status.status, 'Succeeded');
    assert.equal(successes(status).length, successes(result).length);
    const brief = await org.conn.metadata.checkDeployStatus(result.id, false);
    assert.equal(brief.done, true);
    assert.deepEqual(failures(brief), []);
  });
});

describe('deploy validation', () => {
  let org: TestOrg;
  before(async () => {
    org = await startTestOrg();
  });
  after(() => org.close());

  const goodObject = objectFile('Plan', field('Notes__c', 'Text', '<length>80</length>'));

  it('fails an unknown field type, names it, and with rollbackOnError applies nothing', async () => {
    const zip = await zipOf({
      'package.xml': packageXml({ CustomObject: ['Plan__c', 'Bad__c'] }),
      'objects/Plan__c.object': goodObject,
      'objects/Bad__c.object': objectFile('Bad', field('Score__c', 'Decimal'))
    });
    const r = await deploy(org, zip);
    assert.equal(r.status, 'Failed');
    assert.equal(r.success, false);
    assert.equal(r.rollbackOnError, true);
    const failure = failures(r).find((f) => f.fullName === 'Bad__c.Score__c');
    assert.equal(failure?.componentType, 'CustomField');
    assert.equal(failure?.problemType, 'Error');
    assert.match(failure?.problem ?? '', /Bad__c\.Score__c.*'Decimal'/);
    assert.equal(r.numberComponentErrors, failures(r).length);
    assert.equal(org.host.schema().has('Plan__c'), false, 'rolled back');
    assert.equal(org.host.changes.length, 0);
  });

  it('applies the valid components when rollbackOnError is false', async () => {
    const zip = await zipOf({
      'package.xml': packageXml({ CustomObject: ['Plan__c', 'Bad__c'] }),
      'objects/Plan__c.object': goodObject,
      'objects/Bad__c.object': objectFile('Bad', field('Score__c', 'Decimal'))
    });
    const r = await deploy(org, zip, { rollbackOnError: false });
    assert.equal(r.status, 'SucceededPartial');
    assert.equal(r.rollbackOnError, false);
    assert.ok(hasField(org.host, 'Plan__c', 'Notes__c'));
    assert.ok(!hasField(org.host, 'Bad__c', 'Score__c'));
  });

  it('validates with checkOnly and applies nothing', async () => {
    const before = org.host.changes.length;
    const zip = await zipOf({
      'package.xml': packageXml({ CustomObject: ['Validated__c'] }),
      'objects/Validated__c.object': goodObject.replace('<label>Plan', '<label>Validated')
    });
    const r = await deploy(org, zip, { checkOnly: true });
    assert.equal(r.status, 'Succeeded');
    assert.equal(r.checkOnly, true);
    assert.ok(successes(r).some((s) => s.fullName === 'Validated__c'));
    assert.equal(org.host.schema().has('Validated__c'), false);
    assert.equal(org.host.changes.length, before);
    const list = await org.conn.metadata.list([{ type: 'CustomObject' }]);
    assert.ok(!list.some((p) => p.fullName === 'Validated__c'));
  });

  it('reports malformed XML with its line and column', async () => {
    const zip = await zipOf({
      'package.xml': packageXml({ CustomObject: ['Broken__c'] }),
      'objects/Broken__c.object': '<?xml version="1.0"?>\n<CustomObject>\n  <label>Broken</labl>\n</CustomObject>'
    });
    const r = await deploy(org, zip);
    const failure = failures(r).find((f) => f.fullName === 'Broken__c');
    assert.equal(r.status, 'Failed');
    assert.equal(failure?.lineNumber, 3);
    assert.ok((failure?.columnNumber ?? 0) > 0);
    assert.equal(failure?.fileName, 'objects/Broken__c.object');
  });

  const cases: Array<[string, Record<string, string>, string, RegExp]> = [
    [
      'a picklist without values',
      {
        'package.xml': packageXml({ CustomObject: ['Pick__c'] }),
        'objects/Pick__c.object': objectFile(
          'Pick',
          field('Stage__c', 'Picklist', '<valueSet><valueSetDefinition/></valueSet>')
        )
      },
      'Pick__c.Stage__c',
      /at least one value/
    ],
    [
      'a lookup to a missing object',
      {
        'package.xml': packageXml({ CustomObject: ['Link__c'] }),
        'objects/Link__c.object': objectFile(
          'Link',
          field('Ghost__c', 'Lookup', '<referenceTo>Ghost__c</referenceTo><relationshipName>Links</relationshipName>')
        )
      },
      'Link__c.Ghost__c',
      /'Ghost__c' does not resolve/
    ],
    [
      'a master-detail to an object in neither the org nor the package',
      {
        'package.xml': packageXml({ CustomObject: ['Child__c'] }),
        'objects/Child__c.object': objectFile(
          'Child',
          field(
            'Parent__c',
            'MasterDetail',
            '<referenceTo>Parent__c</referenceTo><relationshipName>Children</relationshipName>'
          )
        )
      },
      'Child__c.Parent__c',
      /'Parent__c' does not resolve/
    ],
    [
      'a field whose object exists nowhere',
      {
        'package.xml': packageXml({ CustomField: ['Nowhere__c.Thing__c'] }),
        'objects/Nowhere__c.object': objectFile('', field('Thing__c', 'Checkbox'), false)
      },
      'Nowhere__c.Thing__c',
      /Nowhere__c does not exist/
    ],
    [
      'a custom metadata record of an unknown type',
      {
        'package.xml': packageXml({ CustomMetadata: ['Missing_Type.One'] }),
        'customMetadata/Missing_Type.One.md': cmdtRecord('One', [])
      },
      'Missing_Type.One',
      /Missing_Type__mdt does not exist/
    ],
    [
      'a custom metadata record with an unknown field',
      {
        'package.xml': packageXml({ CustomObject: ['Band__mdt'], CustomMetadata: ['Band.Gold'] }),
        'objects/Band__mdt.object': objectFile(
          'Band',
          field('Min__c', 'Number', '<precision>3</precision><scale>0</scale>'),
          false
        ).replace('<fields>', '<label>Band</label><pluralLabel>Bands</pluralLabel><fields>'),
        'customMetadata/Band.Gold.md': cmdtRecord('Gold', [['Max__c', 'xsd:double', '9']])
      },
      'Band.Gold',
      /no field named Max__c/
    ],
    [
      'a component named in package.xml but missing from the zip',
      { 'package.xml': packageXml({ ApexClass: ['Missing'] }) },
      'Missing',
      /was named in package.xml, but was not found/
    ]
  ];
  for (const [name, files, fullName, problem] of cases) {
    it(`fails ${name}`, async () => {
      const r = await deploy(org, await zipOf(files));
      assert.equal(r.status, 'Failed');
      const failure = failures(r).find((f) => f.fullName === fullName);
      assert.ok(failure, `no failure for ${fullName}: ${JSON.stringify(failures(r))}`);
      assert.match(failure.problem ?? '', problem);
    });
  }

  it('deploys a report folder from its Folder-meta.xml, and fails a folder the zip lacks', async () => {
    const folderXml = `<?xml version="1.0" encoding="UTF-8"?><ReportFolder xmlns="http://soap.sforce.com/2006/04/metadata"><name>Health</name></ReportFolder>`;
    const reportXml = `<?xml version="1.0" encoding="UTF-8"?><Report xmlns="http://soap.sforce.com/2006/04/metadata"><format>Tabular</format><name>Band</name><reportType>AccountList</reportType></Report>`;
    const ok = await deploy(
      org,
      await zipOf({
        'package.xml': packageXml({ Report: ['Health/', 'Health/Band'] }),
        'reports/Health-meta.xml': folderXml,
        'reports/Health/Band.report': reportXml
      })
    );
    assert.equal(ok.status, 'Succeeded', JSON.stringify(failures(ok)));
    const reports = successes(ok).filter((s) => s.componentType === 'Report');
    assert.deepEqual(reports.map((s) => `${s.fullName} ${s.fileName}`).sort(), [
      'Health/ reports/Health-meta.xml',
      'Health/Band reports/Health/Band.report'
    ]);
    const missing = await deploy(
      org,
      await zipOf({ 'package.xml': packageXml({ Report: ['Other/'] }), 'reports/Health-meta.xml': folderXml })
    );
    assert.match(
      failures(missing).find((f) => f.fullName === 'Other/')?.problem ?? '',
      /not found in zipped directory/
    );
  });

  it('fails the whole deploy without package.xml', async () => {
    const r = await deploy(org, await zipOf({ 'objects/X__c.object': goodObject }));
    assert.equal(r.status, 'Failed');
    assert.equal(failures(r)[0].problem, 'No package.xml found');
  });

  it('reports a component failure when the host cannot apply the change', async () => {
    org.host.failNextApply = 'disk full';
    const zip = await zipOf({
      'package.xml': packageXml({ CustomObject: ['Later__c'] }),
      'objects/Later__c.object': goodObject
    });
    const r = await deploy(org, zip);
    assert.equal(r.status, 'Failed');
    assert.equal(r.errorMessage, 'disk full');
    assert.equal(org.host.schema().has('Later__c'), false);
  });
});
