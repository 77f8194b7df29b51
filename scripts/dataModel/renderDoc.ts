// Renders docs/data-model.md from the model read out of force-app: an entity-relationship diagram, one field table
// per object, the validation rules, the configuration records and the access each permission set grants.
import path from 'node:path';
import * as prettier from 'prettier';
import { OPERATIONS_OBJECTS, USAGE_LOAD } from './contract';
import type { DataModel, FieldDef, ObjectDef, PermissionSetDef } from './forceAppModel';
import { isFlsExempt } from './rules';

export const DOC_PATH = path.join('docs', 'data-model.md');

const cell = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
const code = (s: string): string => '`' + s.replace(/\s+/g, ' ').trim() + '`';

function typeLabel(f: FieldDef): string {
  switch (f.type) {
    case 'Text':
      return `Text(${f.length ?? ''})`;
    case 'Number':
    case 'Currency':
    case 'Percent':
      return f.formula ? `Formula (${f.type})` : `${f.type}(${f.precision ?? ''},${f.scale ?? ''})`;
    case 'Lookup':
    case 'MasterDetail':
      return `${f.type === 'Lookup' ? 'Lookup' : 'Master-Detail'}(${f.referenceTo ?? ''})`;
    case 'LongTextArea':
      return 'Long Text Area';
    default:
      return f.type;
  }
}

function details(f: FieldDef): string {
  const parts: string[] = [];
  if (f.externalId) parts.push(`external ID${f.unique ? ', unique' : ''}${f.caseSensitive ? ', case-sensitive' : ''}`);
  if (f.required) parts.push('required');
  if (f.values.length > 0) {
    const values = f.values.map((v) => (v.isDefault ? `**${v.value}** (default)` : v.value)).join(', ');
    parts.push(`${f.restricted ? 'restricted' : 'open'}: ${values}`);
  }
  if (f.formula) parts.push(`= ${code(f.formula)}`);
  if (f.relationshipName) parts.push(`children: ${code(`${f.relationshipName}__r`)}`);
  if (f.deleteConstraint) parts.push(`on delete: ${f.deleteConstraint}`);
  if (f.defaultValue !== undefined && f.values.length === 0) parts.push(`default ${f.defaultValue}`);
  if (f.trackHistory) parts.push('history tracked');
  return parts.join('; ');
}

/** Mermaid entity names allow word characters only; the API names already are. */
function erDiagram(model: DataModel): string {
  const lines = ['```mermaid', 'erDiagram'];
  const inDiagram = model.objects.filter((o) => o.kind !== 'metadataType' && !OPERATIONS_OBJECTS.includes(o.apiName));
  for (const o of inDiagram) {
    lines.push(`  ${o.apiName} {`);
    if (o.kind === 'custom') lines.push('    Text Name');
    for (const f of o.fields) {
      const mark = f.externalId ? ' UK' : f.type === 'MasterDetail' || f.type === 'Lookup' ? ' FK' : '';
      lines.push(`    ${f.type} ${f.apiName}${mark}`);
    }
    lines.push('  }');
  }
  for (const o of inDiagram) {
    for (const f of o.fields) {
      if (!f.referenceTo || f.referenceTo === 'User') continue;
      const arrow = f.type === 'MasterDetail' ? '||--o{' : '|o--o{';
      const kind = f.type === 'MasterDetail' ? 'master-detail' : 'lookup';
      lines.push(`  ${f.referenceTo} ${arrow} ${o.apiName} : "${f.apiName} (${kind})"`);
    }
  }
  lines.push('```');
  return lines.join('\n');
}

function objectSection(model: DataModel, o: ObjectDef): string {
  const out: string[] = [];
  const title = o.label ? `${o.label} (\`${o.apiName}\`)` : `\`${o.apiName}\``;
  out.push(`### ${title}`, '');
  if (o.description) out.push(cell(o.description), '');
  if (o.kind === 'standard') out.push(`Standard object; the product adds the fields below.`, '');
  if (o.kind === 'custom') {
    const layout = model.layouts.find((l) => l.object === o.apiName);
    out.push(
      `Name field: ${o.nameField?.label ?? ''} (${o.nameField?.type ?? ''}). Sharing: ${o.sharingModel ?? ''}. ` +
        `List views: ${o.listViews.map((v) => v.label).join(', ')}. Compact layout: ${o.compactLayoutAssignment ?? ''}. ` +
        `Page layout: ${layout?.name ?? 'none'}.`,
      ''
    );
  }
  out.push('| Field | Label | Type | Details | Description | Help text |', '| --- | --- | --- | --- | --- | --- |');
  for (const f of o.fields) {
    out.push(
      `| ${code(f.apiName)} | ${cell(f.label)} | ${typeLabel(f)} | ${cell(details(f))} | ${cell(f.description)} | ${cell(f.helpText)} |`
    );
  }
  out.push('');
  if (o.validationRules.length > 0) {
    out.push('Validation rules:', '', '| Rule | Error when | Message |', '| --- | --- | --- |');
    for (const r of o.validationRules) out.push(`| ${code(r.name)} | ${cell(code(r.formula))} | ${cell(r.message)} |`);
    out.push('');
  }
  const records = model.customMetadata.filter((r) => r.type === o.apiName);
  if (records.length > 0) {
    const fields = o.fields.map((f) => f.apiName);
    out.push(
      `Default records:`,
      '',
      `| DeveloperName | Label | ${fields.join(' | ')} |`,
      `| --- | --- |${' --- |'.repeat(fields.length)}`
    );
    for (const r of records) {
      out.push(
        `| ${code(r.developerName)} | ${cell(r.label)} | ${fields.map((f) => cell(String(r.values[f] ?? ''))).join(' | ')} |`
      );
    }
    out.push('');
  }
  return out.join('\n');
}

function crud(ps: PermissionSetDef, object: string): string {
  const p = ps.objectPermissions.find((x) => x.object === object);
  if (!p) return '-';
  const letters = [
    p.allowCreate ? 'C' : '',
    p.allowRead ? 'R' : '',
    p.allowEdit ? 'E' : '',
    p.allowDelete ? 'D' : '',
    p.viewAllRecords ? ' VA' : '',
    p.modifyAllRecords ? ' MA' : ''
  ].join('');
  return letters || '-';
}

function accessSection(model: DataModel): string {
  const sets = model.permissionSets;
  const out: string[] = ['## Access', ''];
  for (const ps of sets) out.push(`- **${ps.label}** (\`${ps.name}\`): ${cell(ps.description)}`);
  out.push('', 'Object access (C create, R read, E edit, D delete, VA view all, MA modify all):', '');
  out.push(`| Object | ${sets.map((s) => s.label).join(' | ')} |`, `| --- |${' --- |'.repeat(sets.length)}`);
  const objects = [...new Set(sets.flatMap((s) => s.objectPermissions.map((p) => p.object)))].sort();
  for (const o of objects) out.push(`| ${code(o)} | ${sets.map((s) => crud(s, o)).join(' | ')} |`);
  out.push('', 'Field access (edit, read or none). Master-detail fields follow access to the master record.', '');
  out.push(`| Field | ${sets.map((s) => s.label).join(' | ')} |`, `| --- |${' --- |'.repeat(sets.length)}`);
  for (const o of model.objects.filter((x) => x.kind !== 'metadataType')) {
    for (const f of o.fields) {
      const key = `${o.apiName}.${f.apiName}`;
      const access = sets.map((s) => {
        if (isFlsExempt(f)) return 'via master';
        const p = s.fieldPermissions.find((x) => x.field === key);
        return p?.editable ? 'edit' : p?.readable ? 'read' : 'none';
      });
      out.push(`| ${code(key)} | ${access.join(' | ')} |`);
    }
  }
  out.push('', 'Custom metadata types each set reads:', '');
  for (const ps of sets) {
    out.push(
      `- ${ps.label}: ${ps.customMetadataTypeAccesses
        .filter((a) => a.enabled)
        .map((a) => code(a.name))
        .join(', ')}`
    );
  }
  out.push('');
  return out.join('\n');
}

/** Decisions a reader cannot see in the tables; kept here so the doc and the code change together. */
const DESIGN_NOTES = [
  'Fields the business needs are required on the page layout and guarded by validation rules, not required at field ' +
    'level: the platform refuses field-level security on field-required fields, and API loads fall back to the picklist ' +
    'defaults.',
  'Charter objectives, roles, milestones and risks are master-detail children of the charter (deleted with it, shared ' +
    'through it). Customer goals and risks are master-detail children of Account, so access follows the account: adding ' +
    'a goal needs edit access to the account. Master-detail fields carry no field-level security for the same reason.',
  'Detail records have no OwnerId, so each carries an `Owner__c` lookup to User for accountability.',
  'Every product object has a `<Prefix>_Key__c` external ID (Account and Opportunity: `Success_Key__c`), unique and ' +
    'case-sensitive, so seed and migrate upsert without duplicates. Managers can read keys but not change them.',
  'Validation rules on Account are prefixed `CS_` so they never clash with an org’s own rules, and fire only when the ' +
    'product’s fields are set. Formulas see `Product_Adoption__c` as a fraction (0.5 is 50%); the API reads and writes 50.',
  '`Score__c` (likelihood times impact) is a platform formula so list views and reports can sort and filter risks by it.',
  'Operations objects (`' +
    OPERATIONS_OBJECTS.join('`, `') +
    '`) record what `npm run migrate` did to the org, not customer success data: only the Admin set grants them, and ' +
    'the rules test fails if the Manager or Viewer set ever does. Otherwise they keep the rules of any object.',
  '`Product_Usage__c` holds one rollup per account and period (a week by default), written by `npm run usage` from ' +
    'the product’s own event or daily-metrics export; raw events stay in the customer’s warehouse. It is a ' +
    'master-detail child of Account and upserts on `Usage_Key__c` (account, period, start), so a reload never ' +
    'duplicates a period. Managers and viewers read it; only the load writes it, through the Admin set or ' +
    '`' +
    USAGE_LOAD.permissionSet +
    '`, which grants an integration user exactly the upsert, the account keys and the key features. Accounts are ' +
    'matched by `Product_Account_Id__c` (the product’s own account id) or `Success_Key__c`.',
  '`Program_Snapshot__c` holds the program’s goal velocity as of one scoring run: one record per segment (overall, ' +
    'each lifecycle stage, each ideal-customer tier, each month of the twelve-month period), about 23 a run, upserted ' +
    'on `Program_Key__c` (run date, segment type, segment). The charter workspace reads the latest run’s records ' +
    'instead of aggregating goals, so a workspace load costs the same query rows at 1,000 accounts or 1,000,000. ' +
    'Public read only: everyone with the object reads it; only the scoring run writes it.',
  'The permission sets grant read access to the configuration types. Changing their records in Setup also needs ' +
    'Customize Application, which admins get from their profile; the sets do not grant it.'
];

/** The Markdown before formatting; pure, so tests can render a changed model. */
export function renderDataModelDoc(model: DataModel): string {
  const operations = model.objects.filter((o) => OPERATIONS_OBJECTS.includes(o.apiName));
  const byKind = (k: ObjectDef['kind']) => model.objects.filter((o) => o.kind === k && !operations.includes(o));
  const out: string[] = [
    '# Data model',
    '',
    '<!-- Generated from force-app by `npm run docs:data-model`. Do not edit by hand: a test fails when this file is stale. -->',
    '',
    'The objects, fields, rules and access that every part of the product reads. API names are a contract: components, ' +
      'Apex, the seed and migrate scripts and the local org rely on them.',
    '',
    '## Choices',
    '',
    ...DESIGN_NOTES.map((n) => `- ${n}`),
    '',
    '## Entity relationships',
    '',
    'Every object also has owner and person lookups to `User`, listed in the field tables and left out of the diagram.',
    '',
    erDiagram(model),
    '',
    '## Objects',
    '',
    '| Object | Label | Sharing | Description |',
    '| --- | --- | --- | --- |',
    ...[...byKind('custom'), ...byKind('standard')].map(
      (o) =>
        `| ${code(o.apiName)} | ${cell(o.label ?? o.apiName)} | ${o.sharingModel ?? 'org default'} | ${cell(o.description)} |`
    ),
    '',
    ...byKind('custom').map((o) => objectSection(model, o)),
    '## Account and Opportunity fields',
    '',
    ...byKind('standard').map((o) => objectSection(model, o)),
    '## Configuration (custom metadata types)',
    '',
    'Admins change these records in Setup > Custom Metadata Types, without code or a deploy.',
    '',
    ...byKind('metadataType').map((o) => objectSection(model, o)),
    '## Operations records',
    '',
    'What `npm run migrate` records in the org: the version it applied and the journal of data migrations. For ' +
      'admins only (Customer Success Admin); migrate writes them, nobody edits them by hand.',
    '',
    ...operations.map((o) => objectSection(model, o)),
    accessSection(model),
    '## App and tabs',
    '',
    ...model.applications.map((a) => `- App **${a.label}** (\`${a.name}\`): ${a.tabs.map(code).join(', ')}`),
    ...model.tabs.map((t) => `- Tab ${code(t.name)}${t.motif ? ` (icon ${t.motif})` : ''}`),
    ''
  ];
  return out.join('\n');
}

/** Formats with the project's Prettier settings, so `prettier --check` and the staleness test agree. */
export async function formatDoc(markdown: string, projectRoot: string): Promise<string> {
  const file = path.join(projectRoot, DOC_PATH);
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(markdown, { ...options, filepath: file, parser: 'markdown' });
}
