// Metadata API retrieve / checkRetrieveStatus as the Metadata API Developer Guide documents them (RetrieveRequest,
// AsyncResult, RetrieveResult: done, fileProperties, id, messages, status, success, zipFile), driven by jsforce and by
// source-deploy-retrieve the way `sf project retrieve start` does: what comes back is what was deployed.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { RequestStatus } from '@salesforce/source-deploy-retrieve';
import { componentSet, copyOutOfProject, coreConnection, FIXTURE_APP, startTestOrg, type TestOrg } from './helpers';

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: true });
/** XML compared as data: element order among different tags, whitespace and formatting do not matter. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, canonical((value as Record<string, unknown>)[k])])
        )
      : value;
const normalised = (file: string): unknown => {
  const content = readFileSync(file, 'utf8');
  return file.endsWith('.xml') ? canonical(parser.parse(content)) : content;
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

interface RetrieveResult {
  done: string | boolean;
  id: string;
  status: string;
  success: string | boolean;
  zipFile?: string;
  fileProperties: Array<{ fileName: string; fullName: string; type: string }> | { fileName: string };
  messages?: Array<{ fileName: string; problem: string }> | { fileName: string; problem: string };
}

describe('Metadata API retrieve', () => {
  let org: TestOrg;
  let project: string;
  before(async () => {
    org = await startTestOrg();
    project = copyOutOfProject(FIXTURE_APP);
    const deploy = await componentSet(project).deploy({ usernameOrConnection: await coreConnection(org.url) });
    const result = await deploy.pollStatus(20, 60);
    assert.equal(result.response.status, RequestStatus.Succeeded);
  });
  after(async () => {
    rmSync(dirname(project), { recursive: true, force: true });
    await org.close();
  });

  it('source-deploy-retrieve retrieves into an empty folder the same source that was deployed', async () => {
    const output = mkdtempSync(join(tmpdir(), 'local-org-retrieve-'));
    try {
      const retrieve = await componentSet(project).retrieve({
        usernameOrConnection: await coreConnection(org.url),
        output,
        merge: false
      });
      const result = await retrieve.pollStatus(20, 60);
      assert.equal(result.response.status, RequestStatus.Succeeded);
      // source-deploy-retrieve writes into one package folder under the output folder.
      const [packageDir] = readdirSync(output);
      const written = join(output, packageDir);
      const deployed = filesUnder(project).map((f) => relative(project, f));
      const retrieved = filesUnder(written).map((f) => relative(written, f));
      // An object folder that held only fields gets an empty (namespace-only) object file from source-deploy-retrieve.
      const extra = retrieved.filter((f) => !deployed.includes(f));
      assert.deepEqual(extra, ['main/default/objects/Account/Account.object-meta.xml']);
      assert.deepEqual(normalised(join(written, extra[0])), {
        '?xml': { '@_encoding': 'UTF-8', '@_version': '1.0' },
        CustomObject: { '@_xmlns': 'http://soap.sforce.com/2006/04/metadata' }
      });
      assert.deepEqual(
        deployed.filter((f) => !retrieved.includes(f)),
        []
      );
      for (const file of deployed) {
        assert.deepEqual(normalised(join(written, file)), normalised(join(project, file)), file);
      }
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
  });

  it('answers an AsyncResult, then a RetrieveResult with fileProperties under unpackaged/ and a zip', async () => {
    const async = (await org.conn.metadata.retrieve({
      apiVersion: '66.0',
      unpackaged: {
        types: [
          { members: ['CharterController', 'NoSuchClass'], name: 'ApexClass' },
          { members: ['Charter__c.Status__c'], name: 'CustomField' }
        ],
        version: '66.0'
      }
    } as never)) as unknown as { id: string; state: string; done: string | boolean };
    assert.match(async.id, /^09S\w{15}$/);
    assert.equal(async.state, 'Queued');
    let status: RetrieveResult;
    do status = (await org.conn.metadata.checkRetrieveStatus(async.id)) as unknown as RetrieveResult;
    while (String(status.done) !== 'true');
    assert.equal(status.status, 'Succeeded');
    assert.equal(String(status.success), 'true');
    const properties = ([] as Array<{ fileName: string; fullName: string; type: string }>).concat(
      status.fileProperties as never
    );
    assert.deepEqual(properties.map((p) => [p.type, p.fullName, p.fileName]).sort(), [
      ['ApexClass', 'CharterController', 'unpackaged/classes/CharterController.cls'],
      ['CustomField', 'Charter__c.Status__c', 'unpackaged/objects/Charter__c.object'],
      ['Package', 'unpackaged/package.xml', 'unpackaged/package.xml']
    ]);
    const messages = ([] as Array<{ fileName: string; problem: string }>).concat(status.messages ?? []);
    assert.deepEqual(messages, [
      { fileName: 'unpackaged/package.xml', problem: "Entity of type 'ApexClass' named 'NoSuchClass' cannot be found" }
    ]);
    const zip = await JSZip.loadAsync(status.zipFile ?? '', { base64: true });
    assert.deepEqual(
      Object.keys(zip.files)
        .filter((p) => !zip.files[p].dir)
        .sort(),
      [
        'unpackaged/classes/CharterController.cls',
        'unpackaged/classes/CharterController.cls-meta.xml',
        'unpackaged/objects/Charter__c.object',
        'unpackaged/package.xml'
      ]
    );
    assert.equal(
      await zip.file('unpackaged/classes/CharterController.cls')!.async('string'),
      readFileSync(join(project, 'main/default/classes/CharterController.cls'), 'utf8')
    );
    // Only the requested field, not the whole object, when the object itself was not asked for.
    const object = parser.parse(await zip.file('unpackaged/objects/Charter__c.object')!.async('string')) as {
      CustomObject: Record<string, unknown> & { fields: { fullName: string; type: string } };
    };
    assert.deepEqual(Object.keys(object.CustomObject).sort(), ['@_xmlns', 'fields']);
    assert.equal(object.CustomObject.fields.fullName, 'Status__c');
    assert.equal(object.CustomObject.fields.type, 'Picklist');
  });

  it('puts files at the zip root with singlePackage, and refuses package retrieves it cannot do', async () => {
    const async = (await org.conn.metadata.retrieve({
      apiVersion: '66.0',
      singlePackage: true,
      unpackaged: { types: [{ members: ['*'], name: 'CustomMetadata' }], version: '66.0' }
    } as never)) as unknown as { id: string };
    let status: RetrieveResult;
    do status = (await org.conn.metadata.checkRetrieveStatus(async.id)) as unknown as RetrieveResult;
    while (String(status.done) !== 'true');
    const zip = await JSZip.loadAsync(status.zipFile ?? '', { base64: true });
    assert.deepEqual(Object.keys(zip.files).sort(), [
      'customMetadata/',
      'customMetadata/Health_Band.Green.md',
      'customMetadata/Health_Band.Red.md',
      'package.xml'
    ]);
    const green = await zip.file('customMetadata/Health_Band.Green.md')!.async('string');
    assert.match(
      green,
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<CustomMetadata xmlns="http:\/\/soap\.sforce\.com\/2006\/04\/metadata" xmlns:xsi=/
    );
    assert.deepEqual(
      canonical(parser.parse(green)),
      normalised(join(project, 'main/default/customMetadata/Health_Band.Green.md-meta.xml'))
    );
    await assert.rejects(async () => {
      await org.conn.metadata.retrieve({ apiVersion: '66.0', packageNames: ['Some Package'] } as never);
    }, /INVALID_OPERATION: The local org retrieves unpackaged components only/);
    await assert.rejects(org.conn.metadata.checkRetrieveStatus('09S000000000000AAA'), /INVALID_CROSS_REFERENCE_KEY/);
  });
});
