// source-deploy-retrieve deploying a source-format project through an @salesforce/core Connection, as migrate does.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ComponentStatus, RequestStatus } from '@salesforce/source-deploy-retrieve';
import {
  componentSet,
  copyOutOfProject,
  coreConnection,
  FIXTURE_APP,
  hasField,
  startTestOrg,
  type TestOrg
} from './helpers';

describe('source-deploy-retrieve deploy', () => {
  let org: TestOrg;
  let project: string;
  before(async () => {
    org = await startTestOrg();
    project = copyOutOfProject(FIXTURE_APP);
  });
  after(async () => {
    rmSync(dirname(project), { recursive: true, force: true });
    await org.close();
  });

  it('deploys force-app with ComponentSet.deploy and pollStatus, and reports each file', async () => {
    const cs = componentSet(project);
    const deploy = await cs.deploy({ usernameOrConnection: await coreConnection(org.url) });
    assert.match(deploy.id ?? '', /^0Af/);
    const result = await deploy.pollStatus(20, 60);
    assert.equal(result.response.status, RequestStatus.Succeeded);
    assert.equal(result.response.success, true);
    const files = result.getFileResponses();
    assert.ok(files.length > 0);
    const failed = files.filter((f) => f.state === ComponentStatus.Failed);
    assert.deepEqual(failed, []);
    const created = new Set(
      files.filter((f) => f.state === ComponentStatus.Created).map((f) => `${f.type}:${f.fullName}`)
    );
    for (const c of [
      'CustomObject:Charter__c',
      'CustomField:Customer_Goal__c.Charter__c',
      'CustomMetadata:Health_Band.Green',
      'ApexClass:CharterController'
    ]) {
      assert.ok(created.has(c), `${c} not reported as created`);
    }
    assert.ok(hasField(org.host, 'Customer_Goal__c', 'Charter__c'));
  });

  it('reports a failed component against its source file, and rolls the whole deploy back', async () => {
    const fieldFile = join(
      project,
      'main',
      'default',
      'objects',
      'Customer_Goal__c',
      'fields',
      'Achieved__c.field-meta.xml'
    );
    writeFileSync(
      fieldFile,
      readFileSync(fieldFile, 'utf8').replace('<type>Checkbox</type>', '<type>Checkboxx</type>')
    );
    const changesBefore = org.host.changes.length;
    const deploy = await componentSet(project).deploy({
      usernameOrConnection: await coreConnection(org.url),
      apiOptions: { rollbackOnError: true }
    });
    const result = await deploy.pollStatus(20, 60);
    assert.equal(result.response.status, RequestStatus.Failed);
    const failed = result.getFileResponses().filter((f) => f.state === ComponentStatus.Failed);
    assert.equal(failed.length, 1);
    assert.equal(failed[0].fullName, 'Customer_Goal__c.Achieved__c');
    assert.equal(failed[0].filePath, fieldFile);
    assert.match('error' in failed[0] ? failed[0].error : '', /'Checkboxx' is not a valid value/);
    assert.equal(org.host.changes.length, changesBefore, 'nothing applied');
  });
});
