// Builds a small SFDX project in a temp folder: a clean baseline that passes every check,
// which each test then breaks in exactly one way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const META = (type: string, body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${type} xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}\n</${type}>\n`;

export const BASELINE: Record<string, string> = {
  'sfdx-project.json': JSON.stringify({
    packageDirectories: [{ path: 'force-app', default: true }],
    sourceApiVersion: '66.0'
  }),
  'force-app/main/default/objects/Widget__c/Widget__c.object-meta.xml': META(
    'CustomObject',
    `<label>Widget</label><pluralLabel>Widgets</pluralLabel><nameField><label>Widget Name</label><type>Text</type></nameField><deploymentStatus>Deployed</deploymentStatus><sharingModel>ReadWrite</sharingModel>`
  ),
  'force-app/main/default/objects/Widget__c/fields/Size__c.field-meta.xml': META(
    'CustomField',
    `<fullName>Size__c</fullName><label>Size</label><type>Number</type><precision>4</precision><scale>0</scale><description>How big.</description><inlineHelpText>How big.</inlineHelpText>`
  ),
  'force-app/main/default/permissionsets/Widget_Admin.permissionset-meta.xml': META(
    'PermissionSet',
    `<label>Widget Admin</label><hasActivationRequired>false</hasActivationRequired>
<fieldPermissions><editable>true</editable><field>Widget__c.Size__c</field><readable>true</readable></fieldPermissions>
<objectPermissions><allowCreate>true</allowCreate><allowDelete>true</allowDelete><allowEdit>true</allowEdit><allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords><object>Widget__c</object><viewAllRecords>false</viewAllRecords></objectPermissions>`
  ),
  'force-app/main/default/labels/CustomLabels.labels-meta.xml': META(
    'CustomLabels',
    `<labels><fullName>Widget_Title</fullName><language>en_US</language><protected>false</protected><shortDescription>Widget title</shortDescription><value>Widgets</value></labels>
<labels><fullName>Widget_Shown</fullName><language>en_US</language><protected>false</protected><shortDescription>How many widgets are listed; {0} is how many are shown, {1} how many there are</shortDescription><value>Showing {0} of {1} widgets</value></labels>`
  ),
  'force-app/main/default/classes/WidgetController.cls': `public with sharing class WidgetController {
    @AuraEnabled(cacheable=true)
    public static List<Widget__c> getWidgets(Decimal minSize) {
        return [SELECT Id, Name, Size__c, Owner.Name FROM Widget__c WHERE Size__c >= :minSize WITH USER_MODE ORDER BY Name LIMIT 50];
    }
}
`,
  'force-app/main/default/classes/WidgetController.cls-meta.xml': META(
    'ApexClass',
    '<apiVersion>66.0</apiVersion><status>Active</status>'
  ),
  'force-app/main/default/lwc/widgetList/widgetList.ts': `import { LightningElement } from 'lwc';
import getWidgets from '@salesforce/apex/WidgetController.getWidgets';
import SIZE_FIELD from '@salesforce/schema/Widget__c.Size__c';
import TITLE from '@salesforce/label/c.Widget_Title';
export default class WidgetList extends LightningElement {
  title = TITLE;
  field = SIZE_FIELD;
  load = getWidgets;
}
`,
  'force-app/main/default/lwc/widgetList/widgetList.html': '<template><p>{title}</p></template>\n',
  'force-app/main/default/lwc/widgetList/widgetList.js-meta.xml': META(
    'LightningComponentBundle',
    '<apiVersion>66.0</apiVersion><isExposed>false</isExposed>'
  )
};

/** Writes the baseline with `changes` applied (a null value deletes the file). */
export function makeProject(changes: Record<string, string | null> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-check-'));
  const files: Record<string, string | null> = { ...BASELINE, ...changes };
  for (const [relative, content] of Object.entries(files)) {
    if (content === null) continue;
    const full = path.join(root, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return root;
}

export function removeProject(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}
