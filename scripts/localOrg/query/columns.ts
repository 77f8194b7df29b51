// Column metadata of a query (`GET .../query?q=...&columns=true`): what the sf CLI's `data query` reads to lay out
// its table and CSV before it prints a result. One entry per select item, in query order: plain fields, parent paths
// as a relationship column with joinColumns, child subqueries as an aggregate column with the child's columns, and
// aggregate functions under their alias or exprN with the function as written for displayName.
import type { FieldType as SelectItem, Query } from '@jetstreamapp/soql-parser-js';
import type { FieldSchema } from '../schema';
import type { ObjectState } from '../store';
import { isDateFunction } from './dateFunctions';
import { parseSoql, type QueryEngine, type QueryOptions } from './engine';

export interface ColumnMetadata {
  aggregate: boolean;
  apexType: string | null;
  booleanType: boolean;
  columnName: string;
  custom: boolean;
  displayName: string;
  foreignKeyName: string | null;
  insertable: boolean;
  joinColumns: ColumnMetadata[];
  numberType: boolean;
  textType: boolean;
  updatable: boolean;
}

export interface QueryColumns {
  columnMetadata: ColumnMetadata[];
  entityName: string;
  groupBy: boolean;
  idSelected: boolean;
  keyPrefix: string;
}

const APEX_TYPES: Record<FieldSchema['type'], string> = {
  id: 'Id',
  reference: 'Id',
  string: 'String',
  textarea: 'String',
  email: 'String',
  phone: 'String',
  url: 'String',
  picklist: 'String',
  multipicklist: 'String',
  boolean: 'Boolean',
  int: 'Integer',
  double: 'Double',
  percent: 'Double',
  currency: 'Decimal',
  date: 'Date',
  datetime: 'Datetime'
};

const TEXT = new Set(['string', 'textarea', 'email', 'phone', 'url', 'picklist', 'multipicklist']);
const NUMBER = new Set(['int', 'double', 'percent', 'currency']);

function fieldColumn(state: ObjectState, field: FieldSchema): ColumnMetadata {
  const writable = !field.calculated && field.type !== 'id' && !['CreatedDate', 'SystemModstamp'].includes(field.name);
  return {
    aggregate: false,
    apexType: APEX_TYPES[field.type],
    booleanType: field.type === 'boolean',
    columnName: field.name,
    custom: field.custom,
    displayName: field.name,
    foreignKeyName: null,
    insertable: writable && state.schema.createable !== false,
    joinColumns: [],
    numberType: NUMBER.has(field.type) || Boolean(field.formula),
    textType: TEXT.has(field.type),
    updatable: writable && !field.masterDetail && state.schema.updateable !== false
  };
}

const emptyColumn = (name: string, aggregate: boolean, joinColumns: ColumnMetadata[]): ColumnMetadata => ({
  aggregate,
  apexType: null,
  booleanType: false,
  columnName: name,
  custom: false,
  displayName: name,
  foreignKeyName: null,
  insertable: false,
  joinColumns,
  numberType: false,
  textType: false,
  updatable: false
});

/**
 * The column metadata of a query the engine accepts. The query is run first, so a query the engine refuses gets the
 * same error here as it would without columns=true.
 */
export function queryColumns(
  engine: QueryEngine,
  soql: string,
  version: string,
  access: QueryOptions['access']
): QueryColumns {
  // Run as the caller: an object or field it cannot read fails here as it would without columns=true.
  engine.run(soql, { all: false, version, access });
  const query = parseSoql(soql);
  const state = engine.objectState(query.sObject);
  let expr = 0;
  const columns = (owner: ObjectState, items: SelectItem[], alias?: string): ColumnMetadata[] =>
    items.flatMap((item): ColumnMetadata[] => {
      if (item.type === 'Field' || item.type === 'FieldRelationship') {
        const written =
          item.type === 'Field' ? item.field : (item.rawValue ?? [...item.relationships, item.field].join('.'));
        const resolved = engine.resolvePath(owner, written, alias);
        let column = fieldColumn(resolved.hops.at(-1)?.target ?? owner, resolved.field);
        for (let i = resolved.hops.length - 1; i >= 0; i--) {
          const hop = resolved.hops[i];
          column = { ...emptyColumn(hop.field.relationshipName!, false, [column]), foreignKeyName: hop.field.name };
        }
        if ('alias' in item && item.alias) column = { ...column, columnName: item.alias };
        return [column];
      }
      if (item.type === 'FieldSubquery') {
        const relation = engine.childRelationship(owner, item.subquery.relationshipName);
        return [emptyColumn(relation.name, true, columns(relation.child, item.subquery.fields ?? []))];
      }
      if (item.type === 'FieldFunctionExpression') {
        const name = item.alias ?? `expr${expr++}`;
        const fn = item.functionName.toUpperCase();
        const argument = typeof item.parameters[0] === 'string' ? item.parameters[0] : undefined;
        const field = argument ? engine.resolvePath(owner, argument, alias).field : undefined;
        const apexType =
          fn === 'COUNT' || fn === 'COUNT_DISTINCT' || isDateFunction(fn)
            ? 'Integer'
            : fn === 'SUM' || fn === 'AVG'
              ? 'Double'
              : field
                ? APEX_TYPES[field.type]
                : null;
        return [
          {
            ...emptyColumn(name, true, []),
            apexType,
            displayName: item.rawValue ?? `${item.functionName}()`,
            numberType: apexType === 'Integer' || apexType === 'Double' || apexType === 'Decimal'
          }
        ];
      }
      return [];
    });
  const items = (query as Query).fields ?? [];
  // COUNT() alone returns a size and no rows: no columns.
  const countOnly =
    items.length === 1 &&
    items[0].type === 'FieldFunctionExpression' &&
    items[0].functionName.toUpperCase() === 'COUNT' &&
    items[0].parameters.length === 0;
  return {
    columnMetadata: countOnly ? [] : columns(state, items, query.sObjectAlias),
    entityName: state.schema.name,
    groupBy: Boolean(query.groupBy),
    idSelected: items.some((i) => i.type === 'Field' && i.field.toLowerCase() === 'id'),
    keyPrefix: state.schema.keyPrefix
  };
}
