// SOQL over the store, parsed by @jetstreamapp/soql-parser-js. Supported: field lists with parent paths,
// child subqueries, WHERE with AND/OR/NOT and parentheses, comparisons, IN/NOT IN (values or a semi-join),
// LIKE, INCLUDES/EXCLUDES, null, date literals, formula fields, ORDER BY (NULLS FIRST/LAST), LIMIT, OFFSET,
// COUNT(), GROUP BY fields, parent paths and date functions (CALENDAR_MONTH(...) and the like) with COUNT,
// COUNT_DISTINCT, SUM, AVG, MIN, MAX (aliases or expr0, expr1...). Anything else (HAVING, TYPEOF, FIELDS(),
// functions in WHERE...) is MALFORMED_QUERY naming the construct.
//
// Every query runs as the calling user. Sharing always applies: rows the user cannot see are not read, counted or
// aggregated, parents it cannot see read as null and children it cannot see are left out. Object permissions and
// field-level security apply too (an object the user cannot read is INVALID_TYPE, a field INVALID_FIELD "No such
// column", as the platform answers and as Apex's WITH USER_MODE fails), except under WITH SYSTEM_MODE, which reads
// every object and field and keeps sharing (the Apex stand-ins are `with sharing` classes).
import {
  parseQuery,
  type Condition,
  type FieldType,
  type OrderByClause,
  type Query,
  type Subquery,
  type WhereClause
} from '@jetstreamapp/soql-parser-js';
import type { FieldSchema } from '../schema';
import type { ObjectState, SObjectRecord, Store } from '../store';
import { toId18 } from '../ids';
import { formulaOperand, formulaValue } from '../formula';
import type { UserAccess } from '../access/userAccess';
import { dateLiteralRange } from './dateLiterals';
import { applyDateFunction, dateFunctionAccepts, isDateFunction } from './dateFunctions';

export class QueryError extends Error {
  constructor(
    readonly errorCode: string,
    message: string
  ) {
    super(message);
  }
}

export interface QueryOptions {
  /** queryAll: include deleted records (IsDeleted = true). */
  all: boolean;
  /** API version for attribute urls, e.g. 66.0 */
  version: string;
  now?: Date;
  /** The calling user: its sharing, object permissions and field-level security. */
  access: UserAccess;
}

export interface QueryRows {
  totalSize: number;
  records: SObjectRecord[];
}

type Getter = (record: SObjectRecord) => unknown;
type Predicate = (record: SObjectRecord) => boolean;

interface ResolvedPath {
  /** The field at the end of the path. */
  field: FieldSchema;
  /** Relationship hops: the reference field followed and the object it leads to. */
  hops: Array<{ field: FieldSchema; target: ObjectState }>;
  get: Getter;
}

const unsupported = (what: string): QueryError =>
  new QueryError('MALFORMED_QUERY', `${what} is not supported by the local org`);

/** The parsed query, or MALFORMED_QUERY with the platform's caret layout. */
export function parseSoql(soql: string): Query {
  try {
    return parseQuery(soql);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    throw new QueryError('MALFORMED_QUERY', `\n${soql}\n^\nERROR: ${message}`);
  }
}

/** A field's value as a query sees it: formula fields computed, absent values null. */
export function readValue(state: ObjectState, record: SObjectRecord, field: FieldSchema): unknown {
  if (field.formula) {
    return formulaValue(field, (name) => {
      const ref = state.fieldsByLower.get(name.toLowerCase());
      return ref ? formulaOperand(ref, readValue(state, record, ref)) : null;
    });
  }
  const value = record[field.name];
  return value === undefined ? null : value;
}

export class QueryEngine {
  /** The query being run: whose access, and whether object and field permissions are checked (not SYSTEM_MODE). */
  private scope: { access: UserAccess; checkPermissions: boolean } | undefined;

  constructor(private readonly store: Store) {}

  run(soql: string, options: QueryOptions): QueryRows {
    const query = parseSoql(soql);
    return this.within(query, options, () => this.execute(query, options));
  }

  /** Runs fn with the query's access in force (nested calls keep the outer one). */
  private within<T>(query: Query, options: QueryOptions, fn: () => T): T {
    if (this.scope) return fn();
    const { access } = options;
    this.scope = { access, checkPermissions: !access.allData && query.withAccessLevel !== 'SYSTEM_MODE' };
    try {
      return fn();
    } finally {
      this.scope = undefined;
    }
  }

  /** Whether the user sees the record (sharing); always true for View All Data. */
  private visible(state: ObjectState, record: SObjectRecord): boolean {
    const access = this.scope?.access;
    return !access || access.allData || access.canRead(state, record);
  }

  private fieldReadable(state: ObjectState, field: FieldSchema): boolean {
    return !this.scope?.checkPermissions || this.scope.access.field(state.schema, field).read;
  }

  objectState(name: string | undefined): ObjectState {
    const found = name ? this.store.findObject(name) : undefined;
    // An object the user cannot read does not exist for it (unless the query runs in system mode).
    const state =
      found && (!this.scope?.checkPermissions || this.scope.access.object(found.schema).read) ? found : undefined;
    if (!state) {
      throw new QueryError(
        'INVALID_TYPE',
        `sObject type '${name ?? ''}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
      );
    }
    return state;
  }

  resolvePath(state: ObjectState, path: string, alias?: string): ResolvedPath {
    let parts = path.split('.');
    if (parts.length > 1 && (parts[0].toLowerCase() === state.schema.name.toLowerCase() || parts[0] === alias)) {
      parts = parts.slice(1);
    }
    const hops: ResolvedPath['hops'] = [];
    let current = state;
    for (const part of parts.slice(0, -1)) {
      const lower = part.toLowerCase();
      const reference = current.schema.fields.find(
        (f) => f.type === 'reference' && f.relationshipName?.toLowerCase() === lower
      );
      if (!reference || !this.fieldReadable(current, reference)) throw this.noSuchColumn(current, part, path);
      // A polymorphic parent (Task.What) has no one object to read from: say so rather than guess the first.
      if ((reference.referenceTo ?? []).length > 1) throw unsupported(`the polymorphic relationship ${part} (${path})`);
      const target = this.objectState(reference.referenceTo?.[0]);
      hops.push({ field: reference, target });
      current = target;
    }
    const last = parts[parts.length - 1];
    const field = current.fieldsByLower.get(last.toLowerCase());
    if (!field || !this.fieldReadable(current, field)) throw this.noSuchColumn(current, last, path);
    const finalState = current;
    const get: Getter = (record) => {
      let row: SObjectRecord | undefined = record;
      for (const hop of hops) {
        const id: unknown = row[hop.field.name];
        row = typeof id === 'string' ? hop.target.records.get(id) : undefined;
        // A parent the user cannot see reads as null.
        if (!row || !this.visible(hop.target, row)) return null;
      }
      return readValue(finalState, row, field);
    };
    return { field, hops, get };
  }

  private noSuchColumn(state: ObjectState, name: string, path: string): QueryError {
    return new QueryError(
      'INVALID_FIELD',
      `\n${path}\n^\nERROR at Row:1:Column:1\nNo such column '${name}' on entity '${state.schema.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
    );
  }

  private rejectUnsupported(query: Query | Subquery): void {
    if (query.having) throw unsupported('HAVING');
    if (query.withDataCategory) throw unsupported('WITH DATA CATEGORY');
    if (query.usingScope) throw unsupported('USING SCOPE');
    if (query.for) throw unsupported(`FOR ${query.for}`);
    if (query.update) throw unsupported(`UPDATE ${query.update}`);
  }

  private execute(query: Query, options: QueryOptions): QueryRows {
    this.rejectUnsupported(query);
    const state = this.objectState(query.sObject);
    const fields = query.fields ?? [];
    const isAggregate =
      Boolean(query.groupBy) || fields.some((f) => f.type === 'FieldFunctionExpression' && f.isAggregateFn);
    const countOnly =
      fields.length === 1 &&
      fields[0].type === 'FieldFunctionExpression' &&
      fields[0].functionName.toUpperCase() === 'COUNT' &&
      fields[0].parameters.length === 0;

    const predicate = query.where ? this.compileWhere(state, query.where, options, query.sObjectAlias) : () => true;
    let rows = this.candidates(state, query.where, options).filter((r) => predicate(r) && this.visible(state, r));

    if (countOnly) {
      if (query.groupBy) throw unsupported('COUNT() with GROUP BY');
      let size = rows.length;
      if (query.offset) size = Math.max(size - query.offset, 0);
      if (query.limit !== undefined) size = Math.min(size, query.limit);
      return { totalSize: size, records: [] };
    }
    if (isAggregate) return this.aggregate(state, query, rows);

    const output = this.compileSelect(state, fields, options, query.sObjectAlias);
    rows = this.sort(state, rows, query.orderBy, query.sObjectAlias);
    if (query.offset) rows = rows.slice(query.offset);
    if (query.limit !== undefined) rows = rows.slice(0, query.limit);
    const children = this.compileChildren(state, fields, options);
    const records = rows.map((row) => {
      const out = output(row);
      for (const child of children) out[child.key] = child.get(row, rows);
      return out;
    });
    return { totalSize: records.length, records };
  }

  /** Records to scan: an index hit when the WHERE is an AND of conditions with an indexed equality. */
  private candidates(state: ObjectState, where: WhereClause | undefined, options: QueryOptions): SObjectRecord[] {
    const all = (): SObjectRecord[] =>
      options.all ? [...state.records.values(), ...state.deleted.values()] : [...state.records.values()];
    if (!where || options.all) return all();
    let node: WhereClause | undefined = where;
    const hasOr = JSON.stringify(where).includes('"operator":"OR"') || JSON.stringify(where).includes('"NOT"');
    if (hasOr) return all();
    while (node) {
      const left = node.left as Condition | null;
      if (left && 'field' in left && (left.operator === '=' || left.operator === 'IN') && !('valueQuery' in left)) {
        const field = state.fieldsByLower.get(left.field.toLowerCase());
        const literalType = Array.isArray(left.literalType) ? left.literalType[0] : left.literalType;
        if (field && literalType === 'STRING' && (field.type === 'id' || state.indexes.has(field.name))) {
          const values = (Array.isArray(left.value) ? left.value : [left.value]).map(unquote);
          const found: SObjectRecord[] = [];
          for (const value of values) {
            if (field.type === 'id') {
              const id = toId18(value);
              const record = id ? state.records.get(id) : undefined;
              if (record) found.push(record);
            } else {
              for (const id of this.store.lookup(state.schema.name, field.name, value)) {
                const record = state.records.get(id);
                if (record) found.push(record);
              }
            }
          }
          return [...new Set(found)];
        }
      }
      node = 'right' in node ? node.right : undefined;
    }
    return all();
  }

  private compileSelect(
    state: ObjectState,
    fields: FieldType[],
    options: QueryOptions,
    alias?: string
  ): (row: SObjectRecord) => SObjectRecord {
    const writers: Array<(row: SObjectRecord, out: SObjectRecord) => void> = [];
    const seen = new Set<string>();
    for (const item of fields) {
      if (item.type === 'FieldSubquery') continue;
      if (item.type === 'FieldTypeof') throw unsupported('TYPEOF');
      if (item.type === 'FieldFunctionExpression') throw unsupported(`${item.functionName}() in a non-aggregate query`);
      const path =
        item.type === 'FieldRelationship'
          ? (item.rawValue ?? [...item.relationships, item.field].join('.'))
          : item.field;
      if (path.toUpperCase().startsWith('FIELDS(')) throw unsupported('FIELDS()');
      if (seen.has(path.toLowerCase())) {
        throw new QueryError('MALFORMED_QUERY', `duplicate field selected: ${path}`);
      }
      seen.add(path.toLowerCase());
      const resolved = this.resolvePath(state, path, alias);
      writers.push(this.writer(resolved, options));
    }
    return (row) => {
      const out: SObjectRecord = { attributes: this.attributes(state, row, options) };
      for (const write of writers) write(row, out);
      return out;
    };
  }

  private attributes(state: ObjectState, row: SObjectRecord, options: QueryOptions): { type: string; url: string } {
    return {
      type: state.schema.name,
      url: `/services/data/v${options.version}/sobjects/${state.schema.name}/${String(row.Id)}`
    };
  }

  /** Writes a resolved path into the nested output shape: {Account__r: {attributes, Name}}. */
  private writer(resolved: ResolvedPath, options: QueryOptions): (row: SObjectRecord, out: SObjectRecord) => void {
    const { field, hops } = resolved;
    return (row, out) => {
      let source: SObjectRecord | undefined = row;
      let target = out;
      let state: ObjectState | undefined;
      for (const hop of hops) {
        const key = hop.field.relationshipName!;
        const id: unknown = source?.[hop.field.name];
        source = typeof id === 'string' ? hop.target.records.get(id) : undefined;
        if (source && !this.visible(hop.target, source)) source = undefined;
        state = hop.target;
        if (!source) {
          if (!(key in target)) target[key] = null;
          return;
        }
        let nested = target[key] as SObjectRecord | null | undefined;
        if (!nested) {
          nested = { attributes: this.attributes(hop.target, source, options) };
          target[key] = nested;
        }
        target = nested;
      }
      const finalState = state ?? null;
      target[field.name] = finalState ? readValue(finalState, source!, field) : resolved.get(row);
    };
  }

  private compileChildren(
    state: ObjectState,
    fields: FieldType[],
    options: QueryOptions
  ): Array<{ key: string; get: (row: SObjectRecord, rows: SObjectRecord[]) => unknown }> {
    const result: Array<{ key: string; get: (row: SObjectRecord, rows: SObjectRecord[]) => unknown }> = [];
    for (const item of fields) {
      if (item.type !== 'FieldSubquery') continue;
      const sub = item.subquery;
      this.rejectUnsupported(sub);
      const relation = this.childRelationship(state, sub.relationshipName);
      const childState = relation.child;
      if ((sub.fields ?? []).some((f) => f.type === 'FieldFunctionExpression')) {
        throw unsupported('aggregate functions in a child subquery');
      }
      const predicate = sub.where ? this.compileWhere(childState, sub.where, options) : () => true;
      const select = this.compileSelect(childState, sub.fields ?? [], options);
      let grouped: Map<string, SObjectRecord[]> | undefined;
      result.push({
        key: relation.name,
        get: (row) => {
          if (!grouped) {
            // One pass over the children for the whole result, not one per parent.
            grouped = new Map();
            const source = options.all
              ? [...childState.records.values(), ...childState.deleted.values()]
              : childState.records.values();
            for (const child of source) {
              const parentId = child[relation.field.name];
              if (typeof parentId !== 'string' || !predicate(child) || !this.visible(childState, child)) continue;
              const list = grouped.get(parentId) ?? [];
              list.push(child);
              grouped.set(parentId, list);
            }
          }
          let children = grouped.get(String(row.Id)) ?? [];
          if (!children.length) return null;
          children = this.sort(childState, children, sub.orderBy);
          if (sub.offset) children = children.slice(sub.offset);
          if (sub.limit !== undefined) children = children.slice(0, sub.limit);
          return { totalSize: children.length, done: true, records: children.map(select) };
        }
      });
    }
    return result;
  }

  childRelationship(state: ObjectState, name: string): { name: string; child: ObjectState; field: FieldSchema } {
    const lower = name.toLowerCase();
    for (const objectName of this.store.objectNames()) {
      const child = this.store.object(objectName);
      for (const field of child.schema.fields) {
        if (
          field.type === 'reference' &&
          field.childRelationshipName?.toLowerCase() === lower &&
          (field.referenceTo ?? []).includes(state.schema.name) &&
          // A child object or relationship field the user cannot read is no relationship for it.
          (!this.scope?.checkPermissions ||
            (this.scope.access.object(child.schema).read && this.fieldReadable(child, field)))
        ) {
          return { name: field.childRelationshipName!, child, field };
        }
      }
    }
    throw new QueryError(
      'INVALID_TYPE',
      `Didn't understand relationship '${name}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`
    );
  }

  private sort(
    state: ObjectState,
    rows: SObjectRecord[],
    orderBy: OrderByClause | OrderByClause[] | undefined,
    alias?: string
  ): SObjectRecord[] {
    const clauses = orderBy ? (Array.isArray(orderBy) ? orderBy : [orderBy]) : [];
    if (!clauses.length) return rows;
    const keys = clauses.map((clause) => {
      if (!('field' in clause)) throw unsupported('ORDER BY a function in a non-aggregate query');
      const resolved = this.resolvePath(state, clause.field, alias);
      const desc = clause.order === 'DESC';
      const nullsFirst = clause.nulls ? clause.nulls === 'FIRST' : !desc;
      // Ids sort by their exact characters, as WHERE Id > '...' compares them: keyset paging relies on the two
      // agreeing, and two Ids can differ only in case.
      return { get: resolved.get, desc, nullsFirst, exact: valueKind(resolved.field) === 'id' };
    });
    return [...rows].sort((a, b) => {
      for (const key of keys) {
        const c = compareForSort(key.get(a), key.get(b), key.nullsFirst, key.desc, key.exact);
        if (c !== 0) return c;
      }
      return 0;
    });
  }

  // ---- WHERE ----

  private compileWhere(state: ObjectState, where: WhereClause, options: QueryOptions, alias?: string): Predicate {
    type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | { condition: Condition };
    const tokens: Token[] = [];
    const flatten = (clause: WhereClause | undefined): void => {
      if (!clause) return;
      const left = clause.left as (Condition & { openParen?: number; closeParen?: number }) | null;
      const operator = 'operator' in clause ? clause.operator : undefined;
      if (operator === 'NOT' && (!left || !('operator' in left))) {
        for (let i = 0; i < (left?.openParen ?? 0); i++) tokens.push('(');
        tokens.push('NOT');
        flatten('right' in clause ? clause.right : undefined);
        return;
      }
      if (!left) return;
      for (let i = 0; i < (left.openParen ?? 0); i++) tokens.push('(');
      tokens.push({ condition: left });
      for (let i = 0; i < (left.closeParen ?? 0); i++) tokens.push(')');
      if (operator) {
        tokens.push(operator);
        flatten('right' in clause ? clause.right : undefined);
      }
    };
    flatten(where);
    let pos = 0;
    /** Operands joined by one operator (OR over ANDs, AND over NOTs): any of them true for OR, all for AND. */
    const joined = (operator: 'OR' | 'AND', operand: () => Predicate): Predicate => {
      const parts = [operand()];
      while (tokens[pos] === operator) {
        pos++;
        parts.push(operand());
      }
      if (parts.length === 1) return parts[0];
      return operator === 'OR' ? (r) => parts.some((p) => p(r)) : (r) => parts.every((p) => p(r));
    };
    const or = (): Predicate => joined('OR', and);
    const and = (): Predicate => joined('AND', not);
    const not = (): Predicate => {
      if (tokens[pos] === 'NOT') {
        pos++;
        const inner = not();
        return (r) => !inner(r);
      }
      const token = tokens[pos++];
      if (token === '(') {
        const inner = or();
        if (tokens[pos++] !== ')') throw new QueryError('MALFORMED_QUERY', 'unbalanced parentheses in WHERE');
        return inner;
      }
      if (!token || typeof token === 'string') throw new QueryError('MALFORMED_QUERY', 'unexpected token in WHERE');
      return this.compileCondition(state, token.condition, options, alias);
    };
    const predicate = or();
    if (pos !== tokens.length) throw new QueryError('MALFORMED_QUERY', 'unexpected token in WHERE');
    return predicate;
  }

  private compileCondition(state: ObjectState, condition: Condition, options: QueryOptions, alias?: string): Predicate {
    if (!('field' in condition)) {
      const fn = (condition as { fn?: { rawValue?: string; functionName?: string } }).fn;
      throw unsupported(`${fn?.rawValue ?? fn?.functionName ?? 'a function'} in WHERE`);
    }
    const resolved = this.resolvePath(state, condition.field, alias);
    const { field, get } = resolved;
    const operator = condition.operator.toUpperCase();
    const valueQuery = (condition as { valueQuery?: Query }).valueQuery;
    if (valueQuery) {
      const inner = this.execute(valueQuery, { ...options, all: false });
      const innerField = valueQuery.fields?.[0];
      if (!innerField || innerField.type !== 'Field') throw unsupported('this semi-join');
      const innerState = this.objectState(valueQuery.sObject);
      const innerName = innerState.fieldsByLower.get(innerField.field.toLowerCase())?.name ?? innerField.field;
      const values = new Set(inner.records.map((r) => r[innerName]));
      const negate = operator === 'NOT IN';
      return (r) => values.has(get(r)) !== negate;
    }
    const literalTypes = Array.isArray(condition.literalType) ? condition.literalType : [condition.literalType];
    const rawValues = Array.isArray(condition.value) ? condition.value : [condition.value];
    const nValues = 'dateLiteralVariable' in condition ? condition.dateLiteralVariable : undefined;
    const literals = rawValues.map((raw, i) =>
      this.literal(
        field,
        condition.field,
        raw as string,
        literalTypes[i] ?? literalTypes[0],
        Array.isArray(nValues) ? nValues[i] : nValues,
        options
      )
    );
    const kind = valueKind(field);
    const normalise = (value: unknown): unknown => normaliseValue(kind, value);

    if (operator === 'IN' || operator === 'NOT IN') {
      const set = new Set(literals.map((l) => (l.kind === 'value' ? normalise(l.value) : undefined)));
      const negate = operator === 'NOT IN';
      return (r) => {
        const value = get(r);
        if (value === null) return negate && !set.has(null);
        return set.has(normalise(value)) !== negate;
      };
    }
    if (operator === 'INCLUDES' || operator === 'EXCLUDES') {
      const wanted = literals.map((l) =>
        String(l.kind === 'value' ? l.value : '')
          .toLowerCase()
          .split(';')
      );
      const negate = operator === 'EXCLUDES';
      return (r) => {
        const value = get(r);
        const have = new Set(typeof value === 'string' ? value.toLowerCase().split(';') : []);
        const hit = wanted.some((all) => all.every((v) => have.has(v)));
        return hit !== negate;
      };
    }
    const literal = literals[0];
    if (operator === 'LIKE') {
      if (literal.kind !== 'value' || typeof literal.value !== 'string') {
        throw new QueryError('INVALID_FIELD', `invalid operator on field: ${condition.field}`);
      }
      const regex = likeToRegex(literal.value);
      return (r) => {
        const value = get(r);
        return typeof value === 'string' && regex.test(value);
      };
    }
    if (literal.kind === 'range') {
      const start = kind === 'datetime' ? Date.parse(`${literal.start}T00:00:00Z`) : literal.start;
      const end = kind === 'datetime' ? Date.parse(`${literal.end}T00:00:00Z`) : literal.end;
      return (r) => {
        const raw = get(r);
        if (raw === null) return operator === '!=';
        const value = normalise(raw) as string | number;
        switch (operator) {
          case '=':
            return value >= start && value < end;
          case '!=':
            return !(value >= start && value < end);
          case '<':
            return value < start;
          case '<=':
            return value < end;
          case '>':
            return value >= end;
          case '>=':
            return value >= start;
          default:
            throw unsupported(`operator ${operator}`);
        }
      };
    }
    const target = normalise(literal.value);
    return (r) => {
      const raw = get(r);
      if (target === null || raw === null) {
        if (operator === '=') return raw === null && target === null;
        if (operator === '!=') return (raw === null) !== (target === null);
        return false;
      }
      const value = normalise(raw) as string | number | boolean;
      const t = target as string | number | boolean;
      switch (operator) {
        case '=':
          return value === t;
        case '!=':
          return value !== t;
        case '<':
          return value < t;
        case '<=':
          return value <= t;
        case '>':
          return value > t;
        case '>=':
          return value >= t;
        default:
          throw unsupported(`operator ${operator}`);
      }
    };
  }

  private literal(
    field: FieldSchema,
    path: string,
    raw: string,
    literalType: string | undefined,
    n: number | undefined,
    options: QueryOptions
  ): { kind: 'value'; value: unknown } | { kind: 'range'; start: string; end: string } {
    const kind = valueKind(field);
    const typeError = (expected: string, quoted: boolean): QueryError =>
      new QueryError(
        'INVALID_FIELD',
        `value of filter criterion for field '${path}' must be of type ${expected} and should${quoted ? '' : ' not'} be enclosed in quotes`
      );
    switch (literalType) {
      case 'NULL':
        return { kind: 'value', value: null };
      case 'STRING':
        if (kind === 'number') throw typeError(field.type === 'int' ? 'int' : 'double', false);
        if (kind === 'boolean') throw typeError('boolean', false);
        if (kind === 'date' || kind === 'datetime') throw typeError(kind === 'date' ? 'date' : 'dateTime', false);
        return { kind: 'value', value: unquote(raw) };
      case 'INTEGER':
      case 'DECIMAL':
      case 'INTEGER_WITH_CURRENCY_PREFIX':
      case 'DECIMAL_WITH_CURRENCY_PREFIX':
        if (kind !== 'number')
          throw typeError(kind === 'string' || kind === 'id' ? 'string' : kind, kind === 'string' || kind === 'id');
        return { kind: 'value', value: Number(raw.replace(/^[A-Z]{3}/, '')) };
      case 'BOOLEAN':
        if (kind !== 'boolean') throw typeError(kind === 'string' ? 'string' : kind, kind === 'string');
        return { kind: 'value', value: raw.toUpperCase() === 'TRUE' };
      case 'DATE':
        if (kind !== 'date' && kind !== 'datetime') throw typeError(kind, kind === 'string');
        return kind === 'datetime' ? { kind: 'range', start: raw, end: addDay(raw) } : { kind: 'value', value: raw };
      case 'DATETIME':
        if (kind !== 'date' && kind !== 'datetime') throw typeError(kind, kind === 'string');
        return { kind: 'value', value: raw };
      case 'DATE_LITERAL':
      case 'DATE_N_LITERAL': {
        if (kind !== 'date' && kind !== 'datetime') throw typeError(kind, kind === 'string');
        const range = dateLiteralRange(raw, n, options.now);
        if (!range) throw unsupported(`date literal ${raw}`);
        return { kind: 'range', ...range };
      }
      default:
        throw unsupported(`${literalType ?? 'this'} value in WHERE`);
    }
  }

  // ---- aggregates ----

  private aggregate(state: ObjectState, query: Query, rows: SObjectRecord[]): QueryRows {
    const groupBy = query.groupBy ? (Array.isArray(query.groupBy) ? query.groupBy : [query.groupBy]) : [];
    // Each GROUP BY entry is a field path or a date function over one (CALENDAR_MONTH(CloseDate)).
    const groupKeys = groupBy.map((g) => {
      if ('field' in g && g.field) return { fn: null, ...this.resolvePath(state, g.field, query.sObjectAlias) };
      const fn = 'fn' in g ? g.fn : undefined;
      if (!fn?.functionName || !isDateFunction(fn.functionName)) {
        throw unsupported(`GROUP BY ${fn?.rawValue ?? fn?.functionName ?? 'this expression'}`);
      }
      return this.dateFunction(state, fn.functionName, fn.parameters ?? [], query.sObjectAlias);
    });
    const sameGroup = (a: ResolvedPath & { fn: string | null }, b: ResolvedPath & { fn: string | null }): boolean =>
      a.fn === b.fn &&
      a.field === b.field &&
      a.hops.length === b.hops.length &&
      a.hops.every((hop, i) => hop.field === b.hops[i].field);
    let exprIndex = 0;
    const columns: Array<{ key: string; value: (group: SObjectRecord[]) => unknown; raw: string }> = [];
    for (const item of query.fields ?? []) {
      if (item.type === 'FieldFunctionExpression' && isDateFunction(item.functionName)) {
        const resolved = this.dateFunction(state, item.functionName, item.parameters, query.sObjectAlias);
        const grouped = groupKeys.find((g) => sameGroup(g, resolved));
        if (!grouped) {
          throw new QueryError(
            'MALFORMED_QUERY',
            `Field must be grouped or aggregated: ${item.rawValue ?? item.functionName}`
          );
        }
        const key = item.alias ?? `expr${exprIndex++}`;
        columns.push({ key, value: (group) => grouped.get(group[0]), raw: (item.rawValue ?? '').toLowerCase() });
      } else if (item.type === 'FieldFunctionExpression' && item.isAggregateFn) {
        const key = item.alias ?? `expr${exprIndex++}`;
        columns.push({
          key,
          value: this.aggregateFn(state, item.functionName, item.parameters, query.sObjectAlias),
          raw: (item.rawValue ?? '').toLowerCase()
        });
      } else if (item.type === 'Field' || item.type === 'FieldRelationship') {
        const path =
          item.type === 'Field' ? item.field : (item.rawValue ?? [...item.relationships, item.field].join('.'));
        const resolved = { fn: null, ...this.resolvePath(state, path, query.sObjectAlias) };
        if (!groupKeys.some((g) => sameGroup(g, resolved))) {
          throw new QueryError('MALFORMED_QUERY', `Field must be grouped or aggregated: ${path}`);
        }
        const key = ('alias' in item && item.alias) || resolved.field.name;
        columns.push({ key, value: (group) => resolved.get(group[0]), raw: path.toLowerCase() });
      } else {
        throw unsupported('this field in an aggregate query');
      }
    }
    const groups = new Map<string, SObjectRecord[]>();
    if (!groupKeys.length) groups.set('', rows);
    for (const row of groupKeys.length ? rows : []) {
      const key = JSON.stringify(groupKeys.map((g) => g.get(row)));
      const list = groups.get(key);
      if (list) list.push(row);
      else groups.set(key, [row]);
    }
    let results = [...groups.values()].map((group) => {
      const out: SObjectRecord = { attributes: { type: 'AggregateResult' } };
      for (const column of columns) out[column.key] = column.value(group);
      return { out, group };
    });
    const orderBy = query.orderBy ? (Array.isArray(query.orderBy) ? query.orderBy : [query.orderBy]) : [];
    if (orderBy.length) {
      const keys = orderBy.map((clause) => {
        const desc = clause.order === 'DESC';
        const nullsFirst = clause.nulls ? clause.nulls === 'FIRST' : !desc;
        if ('field' in clause) {
          const resolved = this.resolvePath(state, clause.field, query.sObjectAlias);
          return { get: (g: SObjectRecord[]) => resolved.get(g[0]), desc, nullsFirst };
        }
        const fn = clause.fn;
        if (fn.functionName && isDateFunction(fn.functionName)) {
          const grouped = this.dateFunction(state, fn.functionName, fn.parameters ?? [], query.sObjectAlias);
          return { get: (g: SObjectRecord[]) => grouped.get(g[0]), desc, nullsFirst };
        }
        const compute = this.aggregateFn(state, fn.functionName ?? '', fn.parameters ?? [], query.sObjectAlias);
        return { get: compute, desc, nullsFirst };
      });
      results.sort((a, b) => {
        for (const key of keys) {
          const c = compareForSort(key.get(a.group), key.get(b.group), key.nullsFirst, key.desc);
          if (c !== 0) return c;
        }
        return 0;
      });
    }
    if (query.offset) results = results.slice(query.offset);
    if (query.limit !== undefined) results = results.slice(0, query.limit);
    return { totalSize: results.length, records: results.map((r) => r.out) };
  }

  /** A date function over one date or datetime field, as a path whose getter applies the function. */
  private dateFunction(
    state: ObjectState,
    name: string,
    parameters: Array<string | unknown>,
    alias?: string
  ): ResolvedPath & { fn: string } {
    if (parameters.length !== 1 || typeof parameters[0] !== 'string') throw unsupported(`${name} with these arguments`);
    const resolved = this.resolvePath(state, parameters[0], alias);
    if (!dateFunctionAccepts(name, valueKind(resolved.field))) {
      throw new QueryError(
        'MALFORMED_QUERY',
        `${name.toUpperCase()}(${parameters[0]}): the date function needs a ${name.toUpperCase() === 'HOUR_IN_DAY' || name.toUpperCase() === 'DAY_ONLY' ? 'datetime' : 'date or datetime'} field`
      );
    }
    const fn = name.toUpperCase();
    return { ...resolved, fn, get: (record) => applyDateFunction(fn, resolved.get(record)) };
  }

  private aggregateFn(
    state: ObjectState,
    name: string,
    parameters: Array<string | unknown>,
    alias?: string
  ): (group: SObjectRecord[]) => unknown {
    const fn = name.toUpperCase();
    if (fn === 'COUNT' && parameters.length === 0) return (group) => group.length;
    if (parameters.length !== 1 || typeof parameters[0] !== 'string') throw unsupported(`${name} with these arguments`);
    const resolved = this.resolvePath(state, parameters[0], alias);
    const get = resolved.get;
    const values = (group: SObjectRecord[]): unknown[] => group.map(get).filter((v) => v !== null);
    switch (fn) {
      case 'COUNT':
        return (group) => values(group).length;
      case 'COUNT_DISTINCT':
        return (group) => new Set(values(group).map((v) => (typeof v === 'string' ? v.toLowerCase() : v))).size;
      case 'SUM':
      case 'AVG': {
        if (valueKind(resolved.field) !== 'number') {
          throw new QueryError('MALFORMED_QUERY', `field ${parameters[0]} does not support aggregate operator ${fn}`);
        }
        return (group) => {
          const numbers = values(group) as number[];
          if (!numbers.length) return null;
          const sum = numbers.reduce((a, b) => a + b, 0);
          return fn === 'SUM' ? sum : sum / numbers.length;
        };
      }
      case 'MIN':
      case 'MAX':
        return (group) => {
          const list = values(group);
          if (!list.length) return null;
          return list.reduce((best, v) => {
            const c = compareValues(v, best);
            return (fn === 'MIN' ? c < 0 : c > 0) ? v : best;
          });
        };
      default:
        throw unsupported(`aggregate function ${name}`);
    }
  }

  /**
   * The errors run() would give for a non-aggregate query (object, select list, WHERE, ORDER BY), without reading a
   * record: for jobs that accept a query now and run it later.
   */
  check(query: Query, options: QueryOptions): ObjectState {
    return this.within(query, options, () => {
      this.rejectUnsupported(query);
      const state = this.objectState(query.sObject);
      if (query.where) this.compileWhere(state, query.where, options, query.sObjectAlias);
      this.compileSelect(state, query.fields ?? [], options, query.sObjectAlias);
      this.compileChildren(state, query.fields ?? [], options);
      this.sort(state, [], query.orderBy, query.sObjectAlias);
      return state;
    });
  }
}

type ValueKind = 'string' | 'id' | 'number' | 'boolean' | 'date' | 'datetime';

function valueKind(field: FieldSchema): ValueKind {
  switch (field.type) {
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'id':
    case 'reference':
      return 'id';
    default:
      return field.formula ? 'number' : 'string';
  }
}

/** Comparable form: strings compare case-insensitively, Ids in 18 characters, datetimes as epoch ms. */
function normaliseValue(kind: ValueKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'string':
      return String(value).toLowerCase();
    case 'id':
      return toId18(value) ?? String(value);
    case 'datetime':
      return Date.parse(String(value).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    default:
      return value;
  }
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = String(a).toLowerCase();
  const y = String(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareForSort(a: unknown, b: unknown, nullsFirst: boolean, desc: boolean, exact = false): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) {
    if (aNull && bNull) return 0;
    return aNull === nullsFirst ? -1 : 1;
  }
  const x = exact ? (toId18(a) ?? String(a)) : undefined;
  const y = exact ? (toId18(b) ?? String(b)) : undefined;
  const c = x !== undefined && y !== undefined ? (x < y ? -1 : x > y ? 1 : 0) : compareValues(a, b);
  return desc ? -c : c;
}

function unquote(raw: string): string {
  const inner = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1) : raw;
  return inner.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
}

function likeToRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) source += escapeRegex(pattern[++i]);
    else if (c === '%') source += '.*';
    else if (c === '_') source += '.';
    else source += escapeRegex(c);
  }
  return new RegExp(`^${source}$`, 'is');
}

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function addDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
