import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { checkApex } from '../apex';
import { checkConversion } from '../convert';
import { runChecks } from '../checkMetadata';
import { checkPmd } from '../pmd';
import { checkReferences } from '../references';
import { checkXml } from '../xml';
import { checkViewModels } from '../viewModels';
import { loadApex } from '../apex';
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
  it('passes the clean baseline through all six checks, PMD included', async () => {
    const report = await runChecks(project());
    assert.deepEqual(report.findings, []);
    assert.equal(report.summary.length, 6);
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

  it('5. reports a label whose description does not say what each placeholder is, by file, line and label', () => {
    const LABELS = 'force-app/main/default/labels/CustomLabels.labels-meta.xml';
    const vague = project({ [LABELS]: BASELINE[LABELS].replace(', {1} how many there are', '') });
    const findings = checkReferences(vague);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].file, LABELS);
    assert.equal(findings[0].element, 'Widget_Shown');
    assert.equal(findings[0].line, BASELINE[LABELS].split('\n').findIndex((l) => l.includes('Widget_Shown')) + 1);
    assert.match(findings[0].message, /does not say what \{1\} is/);
    const none = project({ [LABELS]: BASELINE[LABELS].replace(/How many widgets[^<]*/, 'Widgets shown') });
    assert.match(checkReferences(none)[0].message, /does not say what \{0\}, \{1\} are/);
  });

  it('3. refuses a query in a loop body and a selector called in one, and allows a SOQL for loop', () => {
    const root = project({
      [CONTROLLER]: `public with sharing class WidgetController {
    @AuraEnabled(cacheable=true)
    public static List<Widget__c> getWidgets(Decimal minSize) {
        List<Widget__c> all = new List<Widget__c>();
        for (Integer size = 0; size < 13; size++) {
            all.addAll([SELECT Id FROM Widget__c WHERE Size__c = :size WITH USER_MODE]);
        }
        for (Widget__c w : [SELECT Id FROM Widget__c WITH USER_MODE]) {
            all.addAll(WidgetSelector.bigger(w.Id));
        }
        return all;
    }
}
`
    });
    const messages = checkApex(root).map((f) => `${f.line} ${f.message}`);
    assert.deepEqual(
      messages.filter((m) => /loop/.test(m)),
      [
        '6 query on Widget__c in a loop runs once per iteration (100 SOQL queries a transaction): query once, before the loop',
        '9 WidgetSelector.bigger() in a loop queries once per iteration (100 SOQL queries a transaction): call it once, before the loop'
      ]
    );
  });

  it('3. gives every query a name: a method holding two queries is refused at the second', () => {
    const root = project({
      [CONTROLLER]: BASELINE[CONTROLLER].replace(
        '        return [SELECT',
        '        Integer n = [SELECT COUNT() FROM Widget__c WITH USER_MODE];\n        return [SELECT'
      )
    });
    const messages = checkApex(root).map((f) => `${f.line} ${f.element}: ${f.message}`);
    assert.deepEqual(messages, [
      '5 WidgetController.getWidgets: WidgetController.getWidgets holds 2 queries: give each query a method of its own, so each has a name'
    ]);
  });

  describe('6. Apex view-models against their TypeScript types', () => {
    const DTO = `public with sharing class WidgetController {
    public class WidgetSummary {
        @AuraEnabled
        public Integer count;
        @AuraEnabled
        public List<Widget__c> widgets;
        @AuraEnabled
        public WidgetStats stats;
    }
    public class WidgetStats {
        @AuraEnabled
        public Decimal averageSize;
        @AuraEnabled
        public Date asOf;
    }
    @AuraEnabled(cacheable=true)
    public static List<Widget__c> getWidgets(Decimal minSize) {
        return [SELECT Id, Name, Size__c, Owner.Name FROM Widget__c WHERE Size__c >= :minSize WITH USER_MODE ORDER BY Name LIMIT 50];
    }
}
`;
    const TYPES = `export interface WidgetRecord {
  Id?: string;
  Size__c?: number | null;
}
export interface WidgetSummary {
  count: number;
  widgets: WidgetRecord[];
  stats: WidgetStats;
}
export interface WidgetStats {
  averageSize: number | null;
  asOf: string;
}
`;
    const TYPES_FILE = 'force-app/main/default/lwc/widgetList/widgetTypes.ts';
    const check = (changes: Record<string, string>) => {
      const root = project({ [CONTROLLER]: DTO, [TYPES_FILE]: TYPES, ...changes });
      return checkViewModels(root, loadApex(root)).map((f) => `${f.file}:${f.line} ${f.element}: ${f.message}`);
    };

    it('passes when both sides agree field by field', () => {
      assert.deepEqual(check({}), []);
    });

    it('fails when a DTO field is renamed in Apex, naming both files', () => {
      assert.deepEqual(check({ [CONTROLLER]: DTO.replace('public Integer count;', 'public Integer total;') }), [
        `${CONTROLLER}:4 WidgetSummary.total: @AuraEnabled field total is not in the TypeScript type WidgetSummary (${TYPES_FILE}:5): the component cannot read it`,
        `${TYPES_FILE}:6 WidgetSummary.count: WidgetSummary.count is declared in TypeScript, but the Apex class WidgetController.WidgetSummary (${CONTROLLER}:2) sends no @AuraEnabled field count: it is always undefined`
      ]);
    });

    it('fails when a field changes kind, or a DTO field is typed with another TypeScript type', () => {
      const findings = check({
        [TYPES_FILE]: TYPES.replace('count: number;', 'count: string;').replace(
          'stats: WidgetStats;',
          'stats: WidgetRecord;'
        )
      });
      assert.deepEqual(
        findings.map((f) => f.replace(/ \(force-app.*$/, '')),
        [
          `${CONTROLLER}:4 WidgetSummary.count: Integer count is string in the TypeScript type WidgetSummary`,
          `${CONTROLLER}:8 WidgetSummary.stats: WidgetStats stats is WidgetRecord (a DTO field needs the type WidgetStats) in the TypeScript type WidgetSummary`
        ]
      );
    });

    it('fails when the Apex class has no TypeScript type of its name', () => {
      const findings = check({ [TYPES_FILE]: TYPES.replace('export interface WidgetStats', 'export interface Stats') });
      assert.ok(
        findings.some((f) =>
          f.endsWith(
            'WidgetController.WidgetStats: view-model class WidgetStats has no exported TypeScript type named WidgetStats under lwc/'
          )
        ),
        findings.join('\n')
      );
    });
  });
});
