// What a real org refuses at deploy, refused by the local org too, each failure on its component with the platform's
// wording: Apex that does not parse (with its line and column), a permission set that grants a field or object that
// does not exist, edit access on a formula field, field permissions on a required or master-detail field, and a
// validation rule whose formula does not parse or names a field its object lacks. With rollbackOnError nothing lands.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DeployResult } from 'jsforce/lib/api/metadata';
import {
  deployZip,
  failures,
  field,
  MD,
  objectFile,
  packageXml,
  startTestOrg,
  XML,
  zipOf,
  type TestOrg
} from './helpers';

/** Goal__c: a number, a formula over it, a required text field and a master-detail to Account. */
const goalObject = objectFile(
  'Goal',
  field('Score__c', 'Number', '<precision>3</precision><scale>0</scale>') +
    field('Double__c', 'Number', '<precision>4</precision><scale>0</scale><formula>Score__c * 2</formula>') +
    field('Code__c', 'Text', '<length>10</length><required>true</required>') +
    field('Account__c', 'MasterDetail', '<referenceTo>Account</referenceTo><relationshipName>Goals</relationshipName>')
);

function permissionSet(inner: string): string {
  return `${XML}<PermissionSet ${MD}><label>Goal User</label>${inner}</PermissionSet>`;
}

function fieldPermission(fieldName: string, editable: boolean): string {
  return `<fieldPermissions><editable>${editable}</editable><field>${fieldName}</field><readable>true</readable></fieldPermissions>`;
}

const apexMeta = `${XML}<ApexClass ${MD}><apiVersion>66.0</apiVersion><status>Active</status></ApexClass>`;

describe('deploys the platform refuses', () => {
  let org: TestOrg;
  before(async () => {
    org = await startTestOrg();
  });
  after(() => org.close());

  async function deploy(files: Record<string, string>, types: Record<string, string[]>): Promise<DeployResult> {
    const zip = await zipOf({ 'package.xml': packageXml(types), ...files });
    return deployZip(org, zip, { rollbackOnError: true });
  }

  it('accepts the well-formed package the other cases break one piece of', async () => {
    const result = await deploy(
      {
        'objects/Goal__c.object': goalObject,
        'permissionsets/Goal_User.permissionset': permissionSet(
          fieldPermission('Goal__c.Score__c', true) + fieldPermission('Goal__c.Double__c', false)
        ),
        'classes/GoalController.cls': 'public with sharing class GoalController { public Integer one() { return 1; } }',
        'classes/GoalController.cls-meta.xml': apexMeta
      },
      { CustomObject: ['Goal__c'], PermissionSet: ['Goal_User'], ApexClass: ['GoalController'] }
    );
    assert.equal(result.status, 'Succeeded', JSON.stringify(failures(result)));
  });

  it('fails an Apex class that does not parse, at its line and column, and applies nothing', async () => {
    const result = await deploy(
      {
        'classes/Broken.cls': 'public with sharing class Broken {\n  public Integer one() {\n    return 1\n  }\n}',
        'classes/Broken.cls-meta.xml': apexMeta
      },
      { ApexClass: ['Broken'] }
    );
    assert.equal(result.status, 'Failed');
    const [failure] = failures(result);
    assert.equal(failure.componentType, 'ApexClass');
    assert.equal(failure.fullName, 'Broken');
    assert.equal(failure.fileName, 'classes/Broken.cls');
    // The missing semicolon after `return 1` is found where the next token starts: line 4, column 2.
    assert.equal(Number(failure.lineNumber), 4);
    assert.ok((failure.problem ?? '').length > 0);
    const listed = await org.conn.metadata.list({ type: 'ApexClass' });
    assert.ok(![listed].flat().some((c) => c?.fullName === 'Broken'), 'nothing of the failed deploy was stored');
  });

  const refusedSets: Array<[string, string, string]> = [
    [
      'a field that does not exist',
      fieldPermission('Goal__c.Missing__c', false),
      'In field: field - no CustomField named Goal__c.Missing__c found'
    ],
    [
      'an object that does not exist',
      '<objectPermissions><allowCreate>false</allowCreate><allowDelete>false</allowDelete><allowEdit>false</allowEdit>' +
        '<allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords><object>Nowhere__c</object>' +
        '<viewAllRecords>false</viewAllRecords></objectPermissions>',
      'In field: object - no CustomObject named Nowhere__c found'
    ],
    [
      'edit access on a formula field',
      fieldPermission('Goal__c.Double__c', true),
      'Field Goal__c.Double__c is a calculated field: it cannot be editable (set editable to false)'
    ],
    [
      'a required field',
      fieldPermission('Goal__c.Code__c', true),
      'You cannot deploy to a required field: Goal__c.Code__c'
    ],
    [
      'a master-detail field',
      fieldPermission('Goal__c.Account__c', false),
      'You cannot deploy to a required field: Goal__c.Account__c'
    ],
    [
      'an Apex class that does not exist',
      '<classAccesses><apexClass>NoSuchClass</apexClass><enabled>true</enabled></classAccesses>',
      'In field: apexClass - no ApexClass named NoSuchClass found'
    ]
  ];

  for (const [what, inner, message] of refusedSets) {
    it(`fails a permission set that grants ${what}`, async () => {
      const result = await deploy(
        { 'permissionsets/Bad_Set.permissionset': permissionSet(inner) },
        { PermissionSet: ['Bad_Set'] }
      );
      assert.equal(result.status, 'Failed');
      assert.deepEqual(
        failures(result).map((f) => [f.componentType, f.fullName, f.problem]),
        [['PermissionSet', 'Bad_Set', message]]
      );
    });
  }

  it('fails a validation rule whose formula does not parse or names a field the object lacks', async () => {
    const rule = (name: string, formula: string) =>
      `<validationRules><fullName>${name}</fullName><active>true</active><errorConditionFormula>${formula}</errorConditionFormula><errorMessage>No.</errorMessage></validationRules>`;
    const result = await deploy(
      {
        'objects/Goal__c.object': objectFile(
          'Goal',
          rule('Unparsable', 'AND(Score__c &gt;') +
            rule('Unknown_Field', 'Ghost__c &gt; 1') +
            rule('Fine', 'Score__c &gt; 9')
        )
      },
      { CustomObject: ['Goal__c'] }
    );
    assert.equal(result.status, 'Failed');
    const byName = new Map(failures(result).map((f) => [f.fullName, f.problem]));
    assert.match(byName.get('Goal__c.Unparsable') ?? '', /Syntax error/);
    assert.equal(
      byName.get('Goal__c.Unknown_Field'),
      'Validation rule Unknown_Field: Field Ghost__c does not exist. Check spelling.'
    );
    assert.equal(byName.has('Goal__c.Fine'), false);
  });
});
