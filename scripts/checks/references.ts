// Check 5: cross-references that only fail once deployed or at run time:
// - every `@salesforce/schema/Object.Field` import in a component names a real field;
// - every field an Apex SOQL query names exists (custom ones in force-app, standard ones on a short allow list);
// - every custom object and field is granted in at least one permission set;
// - every `@salesforce/apex/Class.method` import names an existing class with that method `@AuraEnabled`;
// - every `@salesforce/label/c.Name` import names a label in CustomLabels;
// - every label with placeholders says in its description what each one is (`{0} is the day`): the placeholders are
//   positional, so a translator who moves them needs to know which is which.
import fs from 'node:fs';
import path from 'node:path';
import type { Condition, FieldType as SoqlField, Query, WhereClause } from '@jetstreamapp/soql-parser-js';
import { loadApex, type ApexUnit } from './apex';
import { lineAt, walk } from './files';
import { relativeTo, type Finding } from './findings';
import {
  childRelationshipTarget,
  findObject,
  hasField,
  loadSourceModel,
  relationshipTarget,
  type SourceModel
} from './schemaModel';

const IMPORT = /import\s+[\w{}\s,*]+\s+from\s+['"](@salesforce\/(schema|apex|label)\/[^'"]+)['"]/g;

/** Resolves `Rel__r.Other__r.Field` from an object; returns why it fails, or undefined when it resolves. */
export function resolveFieldPath(model: SourceModel, objectName: string, fieldPath: string): string | undefined {
  const parts = fieldPath.split('.');
  let current = objectName;
  for (let i = 0; i < parts.length - 1; i++) {
    const target = relationshipTarget(model, current, parts[i]);
    if (!target) return `${current} has no relationship ${parts[i]}`;
    current = target;
  }
  const last = parts[parts.length - 1];
  if (!findObject(model, current)) return `object ${current} is not in force-app nor a known standard object`;
  return hasField(model, findObject(model, current)!.name, last) ? undefined : `${current}.${last} does not exist`;
}

function componentSources(root: string): string[] {
  return walk(path.join(root, 'force-app'), (f) => {
    if (!f.includes(`${path.sep}lwc${path.sep}`)) return false;
    if (f.endsWith('.ts')) return !f.endsWith('.d.ts');
    // A .js beside a .ts is tsc output; only hand-written .js counts.
    return f.endsWith('.js') && !fs.existsSync(f.replace(/\.js$/, '.ts'));
  });
}

function checkComponentImports(root: string, model: SourceModel, units: ApexUnit[]): Finding[] {
  const findings: Finding[] = [];
  const classes = new Map(units.filter((u) => u.className).map((u) => [u.className!.toLowerCase(), u]));
  for (const file of componentSources(root)) {
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      const [, specifier, kind] = match;
      const rest = specifier.slice(`@salesforce/${kind}/`.length);
      const at = {
        check: 'references' as const,
        file: relativeTo(root, file),
        line: lineAt(source, match.index ?? 0),
        element: specifier
      };
      if (kind === 'schema') {
        const [objectName, ...fieldParts] = rest.split('.');
        if (!findObject(model, objectName)) {
          findings.push({ ...at, message: `object ${objectName} is not in force-app nor a known standard object` });
        } else if (fieldParts.length) {
          const problem = resolveFieldPath(model, findObject(model, objectName)!.name, fieldParts.join('.'));
          if (problem) findings.push({ ...at, message: `unknown field: ${problem}` });
        }
      } else if (kind === 'apex') {
        const [className, methodName] = rest.split('.');
        const unit = classes.get(className.toLowerCase());
        const method = unit?.methods.find((m) => m.name.toLowerCase() === (methodName ?? '').toLowerCase());
        if (!unit) findings.push({ ...at, message: `Apex class ${className} does not exist in force-app` });
        else if (!method) findings.push({ ...at, message: `${className} has no method ${methodName}` });
        else if (!method.annotations.includes('auraenabled')) {
          findings.push({
            ...at,
            message: `${className}.${methodName} is not @AuraEnabled, so components cannot call it`
          });
        }
      } else if (kind === 'label') {
        const name = rest.replace(/^c\./, '');
        if (!model.labels.has(name)) findings.push({ ...at, message: `custom label ${name} is not in CustomLabels` });
      }
    }
  }
  return findings;
}

function conditionFields(where: WhereClause | undefined, out: Array<{ field: string }>, subqueries: Query[]): void {
  if (!where) return;
  const left = where.left as Condition & { field?: string; fn?: { parameters?: unknown[] }; valueQuery?: Query };
  if (left) {
    if (left.field) out.push({ field: left.field });
    for (const parameter of left.fn?.parameters ?? [])
      if (typeof parameter === 'string') out.push({ field: parameter });
    if (left.valueQuery) subqueries.push(left.valueQuery);
  }
  if ('right' in where && where.right) conditionFields(where.right, out, subqueries);
}

function queryFields(query: Query): {
  fields: string[];
  children: Array<{ relationship: string; query: Query }>;
  semi: Query[];
} {
  const fields: string[] = [];
  const children: Array<{ relationship: string; query: Query }> = [];
  const semi: Query[] = [];
  for (const field of (query.fields ?? []) as SoqlField[]) {
    if (field.type === 'Field') fields.push(field.field);
    else if (field.type === 'FieldRelationship') fields.push([...field.relationships, field.field].join('.'));
    else if (field.type === 'FieldFunctionExpression') {
      for (const parameter of field.parameters ?? []) if (typeof parameter === 'string') fields.push(parameter);
    } else if (field.type === 'FieldSubquery') {
      children.push({ relationship: field.subquery.relationshipName, query: field.subquery as unknown as Query });
    }
  }
  const whereFields: Array<{ field: string }> = [];
  conditionFields(query.where, whereFields, semi);
  fields.push(...whereFields.map((w) => w.field));
  const groupBy = Array.isArray(query.groupBy) ? query.groupBy : query.groupBy ? [query.groupBy] : [];
  for (const clause of groupBy) if ('field' in clause && clause.field) fields.push(clause.field);
  const orderBy = Array.isArray(query.orderBy) ? query.orderBy : query.orderBy ? [query.orderBy] : [];
  for (const clause of orderBy) if ('field' in clause && clause.field) fields.push(clause.field);
  return { fields, children, semi };
}

function checkQuery(model: SourceModel, objectName: string, query: Query, report: (message: string) => void): void {
  const object = findObject(model, objectName);
  if (!object) {
    report(`object ${objectName} is not in force-app nor a known standard object`);
    return;
  }
  const { fields, children, semi } = queryFields(query);
  for (const field of new Set(fields)) {
    if (field.toUpperCase() === 'COUNT()') continue;
    const problem = resolveFieldPath(model, object.name, field);
    if (problem) report(`unknown field in SOQL: ${problem}`);
  }
  for (const child of children) {
    const childObject = childRelationshipTarget(model, object.name, child.relationship);
    if (!childObject) report(`${object.name} has no child relationship ${child.relationship}`);
    else checkQuery(model, childObject, child.query, report);
  }
  for (const sub of semi) if (sub.sObject) checkQuery(model, sub.sObject, sub, report);
}

function checkApexSoql(root: string, model: SourceModel, units: ApexUnit[]): Finding[] {
  const findings: Finding[] = [];
  for (const unit of units) {
    for (const use of unit.soql) {
      if (!use.query?.sObject) continue;
      checkQuery(model, use.query.sObject, use.query, (message) =>
        findings.push({
          check: 'references',
          file: relativeTo(root, unit.file),
          line: use.line,
          element: 'SOQL',
          message
        })
      );
    }
  }
  return findings;
}

function checkGrants(root: string, model: SourceModel): Finding[] {
  const findings: Finding[] = [];
  const sets = model.permissionSets;
  for (const object of model.objects.values()) {
    if (object.name.endsWith('__mdt')) {
      if (object.file && !sets.some((s) => s.customMetadataTypes.has(object.name))) {
        findings.push({
          check: 'references',
          file: relativeTo(root, object.file),
          element: object.name,
          message: 'custom metadata type is not granted (customMetadataTypeAccesses) in any permission set'
        });
      }
      continue; // custom metadata fields carry no field-level security
    }
    if (object.custom && object.file && !sets.some((s) => s.objects.get(object.name)?.read)) {
      findings.push({
        check: 'references',
        file: relativeTo(root, object.file),
        element: object.name,
        message: 'custom object is not readable in any permission set'
      });
    }
    for (const field of object.fields.values()) {
      // The platform refuses field permissions on required and master-detail fields: they are always visible.
      if (!field.name.endsWith('__c') || field.required) continue;
      const key = `${object.name}.${field.name}`;
      if (!sets.some((s) => s.fields.get(key)?.readable)) {
        findings.push({
          check: 'references',
          file: relativeTo(root, field.file),
          element: key,
          message: 'custom field is not readable in any permission set'
        });
      }
    }
  }
  return findings;
}

export function checkReferences(root: string, units: ApexUnit[] = loadApex(root)): Finding[] {
  let model: SourceModel;
  try {
    model = loadSourceModel(root);
  } catch (error) {
    // An unreadable file (malformed XML, no root element) is reported by the XML check with its line;
    // here it only means the cross-references cannot be read.
    const message = error instanceof Error ? error.message : String(error);
    return [
      {
        check: 'references',
        file: message.split(':')[0] || 'force-app',
        message: `cannot read the data model: ${message}`
      }
    ];
  }
  return [
    ...checkComponentImports(root, model, units),
    ...checkApexSoql(root, model, units),
    ...checkGrants(root, model),
    ...checkLabelPlaceholders(root, model)
  ];
}

/** A label whose description does not name each of its positional placeholders. */
function checkLabelPlaceholders(root: string, model: SourceModel): Finding[] {
  const findings: Finding[] = [];
  for (const [name, label] of model.labels) {
    const placeholders = [...new Set(label.value.match(/\{\d+\}/g) ?? [])].sort();
    const unnamed = placeholders.filter((placeholder) => !label.description.includes(placeholder));
    if (!unnamed.length) continue;
    const source = fs.readFileSync(label.file, 'utf8');
    findings.push({
      check: 'references',
      file: relativeTo(root, label.file),
      line: lineAt(source, Math.max(0, source.indexOf(`<fullName>${name}</fullName>`))),
      element: name,
      message: `the description does not say what ${unnamed.join(', ')} ${unnamed.length === 1 ? 'is' : 'are'}: translators move placeholders by their meaning`
    });
  }
  return findings;
}
