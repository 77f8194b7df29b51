// A small project for migrate tests, in a temp folder: its own sfdx-project.json and package.json (version), the
// version-record and journal objects copied from force-app, and one custom object (Widget__c) with fields the tests
// change, remove or break. Each test gets its own copy and its own local org.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_DIR, pinnedApiVersion } from '../../lib/paths';

const NS = 'http://soap.sforce.com/2006/04/metadata';

export function fieldXml(name: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="${NS}">
  <fullName>${name}</fullName>
  <description>Test field ${name}.</description>
  <inlineHelpText>Help for ${name}.</inlineHelpText>
${body}
</CustomField>
`;
}

export const WIDGET_FIELDS: Record<string, string> = {
  Size__c: '  <label>Size</label>\n  <length>40</length>\n  <required>false</required>\n  <type>Text</type>',
  Colour__c: '  <label>Colour</label>\n  <length>40</length>\n  <required>false</required>\n  <type>Text</type>',
  Widget_Key__c:
    '  <externalId>true</externalId>\n  <label>Widget Key</label>\n  <length>80</length>\n  <required>false</required>\n  <type>Text</type>\n  <unique>true</unique>'
};

export interface FixtureProject {
  root: string;
  objectsDir: string;
  setVersion(version: string): void;
  writeField(name: string, body: string): void;
  removeField(name: string): void;
  cleanup(): void;
}

export function makeFixtureProject(version = '1.0.0'): FixtureProject {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-project-'));
  const defaultDir = path.join(root, 'force-app', 'main', 'default');
  const objectsDir = path.join(defaultDir, 'objects');
  fs.mkdirSync(objectsDir, { recursive: true });
  fs.writeFileSync(
    path.join(root, 'sfdx-project.json'),
    JSON.stringify({
      packageDirectories: [{ path: 'force-app', default: true }],
      namespace: '',
      sourceApiVersion: pinnedApiVersion()
    })
  );
  for (const object of ['CS_Package_Version__mdt', 'CS_Data_Migration__c']) {
    fs.cpSync(path.join(DEFAULT_DIR, 'objects', object), path.join(objectsDir, object), { recursive: true });
  }
  const widget = path.join(objectsDir, 'Widget__c');
  fs.mkdirSync(path.join(widget, 'fields'), { recursive: true });
  fs.writeFileSync(
    path.join(widget, 'Widget__c.object-meta.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="${NS}">
  <deploymentStatus>Deployed</deploymentStatus>
  <description>A test object.</description>
  <label>Widget</label>
  <nameField>
    <label>Widget Name</label>
    <type>Text</type>
  </nameField>
  <pluralLabel>Widgets</pluralLabel>
  <sharingModel>ReadWrite</sharingModel>
</CustomObject>
`
  );
  const project: FixtureProject = {
    root,
    objectsDir,
    setVersion(v) {
      fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'fixture', version: v }));
    },
    writeField(name, body) {
      fs.writeFileSync(path.join(widget, 'fields', `${name}.field-meta.xml`), fieldXml(name, body));
    },
    removeField(name) {
      fs.rmSync(path.join(widget, 'fields', `${name}.field-meta.xml`));
    },
    cleanup() {
      fs.rmSync(root, { recursive: true, force: true });
    }
  };
  project.setVersion(version);
  for (const [name, body] of Object.entries(WIDGET_FIELDS)) project.writeField(name, body);
  return project;
}
