// listMetadata, readMetadata and destructive changes through real jsforce.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  deployZip,
  failures,
  hasField,
  packageXml,
  startSampleAppOrg,
  successes,
  zipOf,
  type TestOrg
} from './helpers';

describe('listMetadata and readMetadata', () => {
  let org: TestOrg;
  before(async () => {
    org = await startSampleAppOrg();
  });
  after(() => org.close());

  it('lists deployed components as FileProperties, standard objects included', async () => {
    const props = await org.conn.metadata.list([
      { type: 'CustomObject' },
      { type: 'CustomMetadata' },
      { type: 'ApexClass' }
    ]);
    const charter = props.find((p) => p.fullName === 'Charter__c');
    assert.equal(charter?.type, 'CustomObject');
    assert.equal(charter?.fileName, 'objects/Charter__c.object');
    assert.match(charter?.id ?? '', /^01I[0-9A-Za-z]{15}$/);
    assert.equal(charter?.manageableState, 'unmanaged');
    assert.ok(charter?.createdDate && charter.lastModifiedDate);
    assert.ok(props.some((p) => p.fullName === 'Account' && p.type === 'CustomObject'));
    assert.deepEqual(
      props
        .filter((p) => p.type === 'CustomMetadata')
        .map((p) => p.fullName)
        .sort(),
      ['Health_Band.Green', 'Health_Band.Red']
    );
    assert.ok(props.some((p) => p.type === 'ApexClass' && p.fullName === 'CharterController'));
  });

  it('returns an empty list for a type with nothing deployed', async () => {
    assert.deepEqual(await org.conn.metadata.list({ type: 'FlexiPage' }), []);
  });

  it('reads a CustomObject with its fields in metadata shape', async () => {
    const object = (await org.conn.metadata.read('CustomObject', 'Charter__c')) as unknown as Record<string, unknown>;
    assert.equal(object.fullName, 'Charter__c');
    assert.equal(object.label, 'Charter');
    assert.equal(object.sharingModel, 'ReadWrite');
    const fields = object.fields as Array<Record<string, unknown>>;
    const status = fields.find((f) => f.fullName === 'Status__c');
    assert.equal(status?.type, 'Picklist');
    const values = (status?.valueSet as { valueSetDefinition: { value: Array<{ fullName: string }> } })
      .valueSetDefinition.value;
    assert.deepEqual(
      values.map((v) => v.fullName),
      ['Draft', 'Published']
    );
    const rules = object.validationRules as Array<Record<string, unknown>>;
    assert.equal(rules[0].fullName, 'Statement_Required_When_Published');
  });

  it('reads CustomFields by Object.Field, several at once, with a nil record for a missing name', async () => {
    const fields = (await org.conn.metadata.read('CustomField', [
      'Customer_Goal__c.Charter__c',
      'Account.Health_Score__c'
    ])) as unknown as Array<Record<string, unknown>>;
    assert.equal(fields[0].fullName, 'Customer_Goal__c.Charter__c');
    assert.equal(fields[0].type, 'MasterDetail');
    assert.equal(fields[0].referenceTo, 'Charter__c');
    assert.equal(fields[1].precision, 3);
    const missing = (await org.conn.metadata.read('CustomField', 'Account.Nope__c')) as unknown as Record<
      string,
      unknown
    >;
    assert.ok(!missing.fullName);
  });

  it('reads custom metadata records and opaque components from their stored files', async () => {
    const green = (await org.conn.metadata.read('CustomMetadata', 'Health_Band.Green')) as unknown as {
      label: string;
      values: Array<{ field: string; value: unknown }>;
    };
    assert.equal(green.label, 'Green');
    assert.ok(green.values.some((v) => v.field === 'Min_Score__c'));
    const perm = (await org.conn.metadata.read('PermissionSet', 'Charter_User')) as unknown as Record<string, unknown>;
    assert.equal(perm.label, 'Charter User');
    const objectPermissions = [perm.objectPermissions].flat() as Array<Record<string, unknown>>;
    assert.equal(objectPermissions[0].object, 'Charter__c');
    assert.equal(objectPermissions[0].allowCreate, true);
    const cls = (await org.conn.metadata.read('ApexClass', 'CharterController')) as unknown as Record<string, string>;
    assert.equal(cls.status, 'Active');
    assert.match(Buffer.from(cls.content, 'base64').toString('utf8'), /class CharterController/);
  });

  it('describes the metadata types', async () => {
    const d = await org.conn.metadata.describe();
    const customObject = d.metadataObjects.find((o) => o.xmlName === 'CustomObject');
    assert.equal(customObject?.directoryName, 'objects');
    assert.ok(customObject?.childXmlNames.includes('CustomField'));
    assert.equal(d.metadataObjects.find((o) => o.xmlName === 'ApexClass')?.metaFile, true);
  });
});

describe('destructive changes', () => {
  let org: TestOrg;
  before(async () => {
    org = await startSampleAppOrg();
  });
  after(() => org.close());

  const destroy = async (types: Record<string, string[]>, options: Record<string, unknown> = {}, post = false) =>
    deployZip(
      org,
      await zipOf({
        'package.xml': packageXml({}),
        [post ? 'destructiveChangesPost.xml' : 'destructiveChanges.xml']: packageXml(types)
      }),
      options
    );

  it('fails on a component that does not exist, with a warning, unless ignoreWarnings', async () => {
    const r = await destroy({ CustomField: ['Charter__c.Nope__c'] });
    assert.equal(r.status, 'Failed');
    assert.equal(failures(r)[0].problemType, 'Warning');
    assert.equal(failures(r)[0].problem, 'No CustomField named: Charter__c.Nope__c found');
    const ignored = await destroy({ CustomField: ['Charter__c.Nope__c'] }, { ignoreWarnings: true });
    assert.equal(ignored.status, 'Succeeded');
  });

  it('deletes fields, custom metadata records and opaque components', async () => {
    const r = await destroy(
      {
        CustomField: ['Charter__c.Statement__c', 'Account.Health_Score__c'],
        CustomMetadata: ['Health_Band.Red'],
        ApexClass: ['CharterController']
      },
      {},
      true
    );
    assert.equal(r.status, 'Succeeded', JSON.stringify(failures(r)));
    assert.ok(successes(r).every((s) => s.componentType === '' || s.deleted));
    assert.ok(!hasField(org.host, 'Charter__c', 'Statement__c'));
    assert.ok(!hasField(org.host, 'Account', 'Health_Score__c'));
    assert.equal(org.host.cmdt.has('Health_Band__mdt.Red'), false);
    assert.equal(org.host.cmdt.has('Health_Band__mdt.Green'), true);
    const classes = await org.conn.metadata.list({ type: 'ApexClass' });
    assert.deepEqual(classes, []);
    const records = await org.conn.metadata.list({ type: 'CustomMetadata' });
    assert.deepEqual(
      records.map((p) => p.fullName),
      ['Health_Band.Green']
    );
  });

  it('deletes a custom object and everything stored under it', async () => {
    const r = await destroy({ CustomObject: ['Customer_Goal__c'] });
    assert.equal(r.status, 'Succeeded');
    assert.equal(org.host.schema().has('Customer_Goal__c'), false);
    const fields = (await org.conn.metadata.read('CustomField', 'Customer_Goal__c.Charter__c')) as unknown as Record<
      string,
      unknown
    >;
    assert.ok(!fields.fullName);
  });

  it('refuses to delete a standard object', async () => {
    const r = await destroy({ CustomObject: ['Account'] });
    assert.equal(r.status, 'Failed');
    assert.match(failures(r)[0].problem ?? '', /standard object Account/);
    assert.equal(org.host.schema().has('Account'), true);
  });
});
