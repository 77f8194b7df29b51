// docs/data-model.md is generated from force-app; this fails when someone changes the metadata and not the doc.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../lib/paths';
import { readDataModel } from '../forceAppModel';
import { expectedDataModelDoc } from '../generateDoc';
import { DOC_PATH, formatDoc, renderDataModelDoc } from '../renderDoc';

const committed = fs.readFileSync(path.join(PROJECT_ROOT, DOC_PATH), 'utf8');

describe('docs/data-model.md', () => {
  it('is what force-app produces today (run npm run docs:data-model if this fails)', async () => {
    const expected = await expectedDataModelDoc();
    assert.ok(expected === committed, `${DOC_PATH} is stale: run npm run docs:data-model and commit the result`);
  });

  it('goes stale when a field description changes', async () => {
    const model = readDataModel();
    const goal = model.objects.find((o) => o.apiName === 'Customer_Goal__c');
    const status = goal?.fields.find((f) => f.apiName === 'Status__c');
    assert.ok(status);
    status.description = 'A description nobody has generated yet.';
    const changed = await formatDoc(renderDataModelDoc(model), PROJECT_ROOT);
    assert.notEqual(changed, committed);
    assert.match(changed, /A description nobody has generated yet\./);
  });

  it('draws every master-detail and lookup between product objects in the diagram', () => {
    const model = readDataModel();
    const diagram = committed.slice(
      committed.indexOf('```mermaid'),
      committed.indexOf('```', committed.indexOf('```mermaid') + 3)
    );
    for (const o of model.objects) {
      for (const f of o.fields) {
        if (!f.referenceTo || f.referenceTo === 'User') continue;
        const arrow = f.type === 'MasterDetail' ? '||--o{' : '|o--o{';
        assert.ok(
          diagram.includes(`${f.referenceTo} ${arrow} ${o.apiName} : "${f.apiName}`),
          `${o.apiName}.${f.apiName} drawn`
        );
      }
    }
  });

  it('has a field table row for every custom field, and lists every validation rule and default record', () => {
    const model = readDataModel();
    for (const o of model.objects) {
      for (const f of o.fields)
        assert.match(
          committed,
          new RegExp(`\\| \`${f.apiName}\` +\\| ${f.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `)
        );
      for (const r of o.validationRules) assert.ok(committed.includes(`\`${r.name}\``), `${r.name} listed`);
    }
    for (const r of model.customMetadata)
      assert.ok(committed.includes(`\`${r.developerName}\``), `${r.developerName} listed`);
  });
});
