import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { checkApex } from '../apex';
import { checkConversion } from '../convert';
import { runChecks } from '../checkMetadata';
import { checkPmd } from '../pmd';
import { checkReferences } from '../references';
import { checkXml } from '../xml';
import { BASELINE, makeProject, removeProject } from './fixtureProject';

const roots: string[] = [];
function project(changes: Record<string, string | null> = {}): string {
  const root = makeProject(changes);
  roots.push(root);
  return root;
}
after(() => roots.forEach(removeProject));

const CONTROLLER = 'force-app/main/default/classes/WidgetController.cls';
const COMPONENT = 'force-app/main/default/lwc/widgetList/widgetList.ts';
const PERMSET = 'force-app/main/default/permissionsets/Widget_Admin.permissionset-meta.xml';

describe('check:metadata', () => {
  it('passes the clean baseline through all five checks, PMD included', async () => {
    const report = await runChecks(project());
    assert.deepEqual(report.findings, []);
    assert.equal(report.summary.length, 5);
    assert.match(report.summary[3], /\d+ rules over 1 Apex files/);
  });

  it('1. names the file and line of malformed XML', () => {
    const root = project({
      'force-app/main/default/objects/Widget__c/fields/Size__c.field-meta.xml':
        '<?xml version="1.0"?>\n<CustomField>\n  <label>Size</label>\n  <type>Number</type>\n</CustomFeld>\n'
    });
    const findings = checkXml(root);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].file, 'force-app/main/default/objects/Widget__c/fields/Size__c.field-meta.xml');
    assert.equal(findings[0].line, 5);
    assert.match(findings[0].message, /malformed XML/);
  });

  it('keeps going past a malformed file: the XML check names the line, the cross-reference check says it could not read it', async () => {
    const root = project({
      'force-app/main/default/objects/Widget__c/fields/Size__c.field-meta.xml':
        '<?xml version="1.0"?>\n<CustomField>\n</CustomFeld>\n'
    });
    const report = await runChecks(root, { pmd: false });
    const xml = report.findings.find((f) => f.check === 'xml');
    const references = report.findings.find((f) => f.check === 'references');
    assert.equal(xml?.line, 3);
    assert.match(references?.message ?? '', /cannot read the data model: .*Size__c\.field-meta\.xml/);
  });

  it('2. reports a file source-deploy-retrieve cannot place in a metadata package', async () => {
    const root = project({ 'force-app/main/default/classes/Orphan.txt-meta.xml': BASELINE[`${CONTROLLER}-meta.xml`] });
    const result = await checkConversion(root);
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0].check, 'convert');
    assert.match(result.findings[0].message, /Orphan/);
  });

  it('2. converts the clean baseline into a package that lists every component', async () => {
    const result = await checkConversion(project());
    assert.deepEqual(result.findings, []);
    assert.match(result.packageXml ?? '', /<members>WidgetController<\/members>/);
    assert.match(result.packageXml ?? '', /<version>66.0<\/version>/);
  });

  it('3. names the line of an Apex syntax error', () => {
    const root = project({
      [CONTROLLER]: 'public with sharing class WidgetController {\n  public void broken( {\n}\n'
    });
    const findings = checkApex(root);
    assert.ok(findings.length >= 1);
    assert.equal(findings[0].file, CONTROLLER);
    assert.equal(findings[0].line, 2);
    assert.match(findings[0].message, /Apex does not parse/);
  });

  it('3. catches a lexer error (bad string escape) that a parser-only listener misses', () => {
    const root = project({
      [CONTROLLER]: "public with sharing class WidgetController {\n  String s = 'bad \\q escape';\n}\n"
    });
    const findings = checkApex(root);
    assert.ok(findings.length >= 1);
    assert.ok(findings.every((f) => f.element === 'syntax'));
    assert.equal(findings[0].line, 2);
    assert.match(findings[0].message, /token recognition error/);
  });

  it('3. refuses a query without WITH USER_MODE and a class without sharing', () => {
    const root = project({
      [CONTROLLER]: BASELINE[CONTROLLER].replace(' WITH USER_MODE', '').replace('public with sharing', 'public')
    });
    const messages = checkApex(root).map((f) => `${f.line} ${f.element} ${f.message}`);
    assert.equal(messages.length, 2);
    assert.match(messages[0], /^1 WidgetController class must be declared `with sharing`/);
    assert.match(messages[1], /^4 SOQL query on Widget__c lacks WITH USER_MODE/);
  });

  it('3. lets test classes query without USER_MODE', () => {
    const root = project({
      'force-app/main/default/classes/WidgetControllerTest.cls':
        '@IsTest\nprivate class WidgetControllerTest {\n  @IsTest static void reads() { System.assertEquals(0, [SELECT COUNT() FROM Widget__c]); }\n}\n'
    });
    assert.deepEqual(checkApex(root), []);
  });

  it('4. reports PMD security violations and a class PMD cannot parse', async () => {
    const root = project({
      'force-app/main/default/classes/Unsafe.cls': `public with sharing class Unsafe {
    public static List<Widget__c> find(String name) {
        return Database.query('SELECT Id FROM Widget__c WHERE Name = \\'' + name + '\\'');
    }
}
`,
      'force-app/main/default/classes/Broken.cls': 'public with sharing class Broken {\n  public void x( {\n}\n'
    });
    const { findings } = await checkPmd(root);
    const injection = findings.find((f) => f.element === 'ApexSOQLInjection');
    assert.ok(injection, JSON.stringify(findings));
    assert.equal(injection.file, 'force-app/main/default/classes/Unsafe.cls');
    assert.equal(injection.line, 3);
    const unparsed = findings.find((f) => f.element === 'processing error');
    assert.ok(unparsed, JSON.stringify(findings));
    assert.equal(unparsed.file, 'force-app/main/default/classes/Broken.cls');
    assert.match(unparsed.message, /could not analyse/);
  });

  it('5. reports an unknown field in a component schema import and in Apex SOQL', () => {
    const root = project({
      [COMPONENT]: BASELINE[COMPONENT].replace('Widget__c.Size__c', 'Widget__c.Colour__c'),
      [CONTROLLER]: BASELINE[CONTROLLER].replace('Owner.Name', 'Owner.Nickname__c')
    });
    const findings = checkReferences(root);
    assert.equal(findings.length, 2, JSON.stringify(findings));
    assert.equal(findings[0].file, COMPONENT);
    assert.equal(findings[0].line, 3);
    assert.match(findings[0].message, /Widget__c.Colour__c does not exist/);
    assert.equal(findings[1].file, CONTROLLER);
    assert.match(findings[1].message, /User.Nickname__c does not exist/);
  });

  it('5. reports a custom field and object no permission set grants', () => {
    const root = project({
      [PERMSET]: BASELINE[PERMSET].replace(/<fieldPermissions>[\s\S]*<\/fieldPermissions>/, '').replace(
        '<allowRead>true',
        '<allowRead>false'
      )
    });
    const messages = checkReferences(root).map((f) => `${f.element}: ${f.message}`);
    assert.deepEqual(messages, [
      'Widget__c: custom object is not readable in any permission set',
      'Widget__c.Size__c: custom field is not readable in any permission set'
    ]);
  });

  it('5. reports an Apex method a component imports that is missing or not @AuraEnabled, and an unknown label', () => {
    const notEnabled = project({ [CONTROLLER]: BASELINE[CONTROLLER].replace('@AuraEnabled(cacheable=true)', '') });
    assert.match(checkReferences(notEnabled)[0].message, /WidgetController.getWidgets is not @AuraEnabled/);
    const missing = project({
      [COMPONENT]: BASELINE[COMPONENT].replace('WidgetController.getWidgets', 'WidgetController.getAll')
    });
    assert.match(checkReferences(missing)[0].message, /WidgetController has no method getAll/);
    const label = project({ [COMPONENT]: BASELINE[COMPONENT].replace('c.Widget_Title', 'c.Widget_Heading') });
    assert.match(checkReferences(label)[0].message, /custom label Widget_Heading is not in CustomLabels/);
  });
});
