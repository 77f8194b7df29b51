// sObject Tree (POST composite/tree/{sObject}): nested parent-child records created in one transaction through the
// same record path as every other write. The REST API Developer Guide's rules: up to 200 records across all trees,
// up to five types, trees up to five levels deep, a unique referenceId on every record, root records of the URL's
// type, children under their parent's child relationship name. One failing record fails the whole request: the
// answer names only that record's referenceId and its errors, and nothing is written.
import type { Store } from '../store';
import { QueryError, type QueryEngine } from '../query/engine';
import { RecordError } from '../writeRules';
import { checkRecordFault, externalIdValues } from './collections';
import { ApiError, type ApiRequest, type ApiResponse, type RecordFaultHook } from './errors';
import { createRecord } from './records';

export const TREE_RECORD_LIMIT = 200;
export const TREE_TYPE_LIMIT = 5;
export const TREE_DEPTH_LIMIT = 5;

interface TreeRecord {
  attributes?: { type?: unknown; referenceId?: unknown };
  [field: string]: unknown;
}

/** A record ready to write: its fields, where it sits, and which of its parent's fields points at the parent. */
interface Planned {
  referenceId: string;
  type: string;
  fields: Record<string, unknown>;
  parent?: { plannedIndex: number; field: string };
}

class TreeRecordError extends Error {
  constructor(
    readonly referenceId: string,
    readonly error: RecordError
  ) {
    super(error.message);
  }
}

const REFERENCE_ID = /^[A-Za-z0-9][A-Za-z0-9_]*$/;

const isChildList = (value: unknown): value is { records: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'records' in value;

export function sObjectTree(
  store: Store,
  engine: QueryEngine,
  request: ApiRequest,
  rootType: string,
  recordFaults?: RecordFaultHook
): ApiResponse {
  const body = request.body as { records?: unknown } | undefined;
  if (!body || !Array.isArray(body.records) || body.records.length === 0)
    throw new ApiError(400, 'JSON_PARSER_ERROR', 'The request body must have a non-empty records array');
  const planned = plan(engine, store, body.records as unknown[], rootType);
  try {
    const ids = store.transact((tx) => {
      const written: string[] = [];
      planned.forEach((p) => {
        const fields = { ...p.fields };
        if (p.parent) fields[p.parent.field] = written[p.parent.plannedIndex];
        try {
          checkRecordFault(recordFaults, { object: p.type, externalIds: externalIdValues(store, p.type, fields) });
          written.push(createRecord(store, tx, p.type, fields, request.access));
        } catch (error) {
          if (error instanceof RecordError) throw new TreeRecordError(p.referenceId, error);
          throw error;
        }
      });
      return written;
    });
    return {
      status: 201,
      body: { hasErrors: false, results: planned.map((p, i) => ({ referenceId: p.referenceId, id: ids[i] })) }
    };
  } catch (error) {
    if (!(error instanceof TreeRecordError)) throw error;
    // An unknown field fails the request itself, as on the platform; other record errors are reported per record.
    if (error.error.statusCode === 'INVALID_FIELD') throw new ApiError(400, 'INVALID_FIELD', error.error.message);
    const { statusCode, message, fields } = error.error;
    return {
      status: 400,
      body: {
        hasErrors: true,
        results: [{ referenceId: error.referenceId, errors: [{ statusCode, message, fields }] }]
      }
    };
  }
}

/** Every record in write order (each parent before its children), or the error that refuses the request. */
function plan(engine: QueryEngine, store: Store, roots: unknown[], rootType: string): Planned[] {
  const planned: Planned[] = [];
  const referenceIds = new Set<string>();
  const types = new Set<string>();
  const visit = (raw: unknown, type: string, depth: number, parent?: Planned['parent']): void => {
    if (depth > TREE_DEPTH_LIMIT)
      throw new ApiError(400, 'INVALID_INPUT', `sObject trees can be at most ${TREE_DEPTH_LIMIT} levels deep`);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new ApiError(400, 'JSON_PARSER_ERROR', 'Each record must be a JSON object');
    const record = raw as TreeRecord;
    const referenceId = record.attributes?.referenceId;
    if (typeof referenceId !== 'string' || !referenceId)
      throw new ApiError(400, 'INVALID_INPUT', 'Every record needs attributes.referenceId');
    if (!REFERENCE_ID.test(referenceId))
      throw new ApiError(
        400,
        'INVALID_INPUT',
        `Provided referenceId ('${referenceId}') must start with a letter or a number, and it can contain only letters, numbers and underscores ('_').`
      );
    if (referenceIds.has(referenceId))
      throw new ApiError(400, 'INVALID_INPUT', `Duplicate ReferenceId provided in the request: ${referenceId}`);
    referenceIds.add(referenceId);
    const declared = record.attributes?.type;
    if (typeof declared !== 'string' || declared.toLowerCase() !== type.toLowerCase())
      throw new ApiError(
        400,
        'INVALID_INPUT',
        `Record ${referenceId}: attributes.type must be ${type}, found ${String(declared ?? 'none')}`
      );
    types.add(type);
    if (types.size > TREE_TYPE_LIMIT)
      throw new ApiError(400, 'INVALID_INPUT', `An sObject Tree request can hold at most ${TREE_TYPE_LIMIT} types`);
    const fields: Record<string, unknown> = {};
    const children: Array<{ relationship: string; records: unknown }> = [];
    for (const [key, value] of Object.entries(record)) {
      if (key === 'attributes') continue;
      if (isChildList(value)) children.push({ relationship: key, records: value.records });
      else fields[key] = value;
    }
    const index = planned.length;
    planned.push({ referenceId, type, fields, parent });
    if (planned.length > TREE_RECORD_LIMIT)
      throw new ApiError(
        400,
        'INVALID_INPUT',
        `An sObject Tree request can hold at most ${TREE_RECORD_LIMIT} records across all trees`
      );
    for (const child of children) {
      const relation = childRelationship(engine, store, type, child.relationship);
      if (!Array.isArray(child.records))
        throw new ApiError(400, 'JSON_PARSER_ERROR', `${child.relationship}.records must be an array`);
      for (const item of child.records)
        visit(item, relation.childType, depth + 1, { plannedIndex: index, field: relation.field });
    }
  };
  for (const root of roots) visit(root, rootType, 1);
  return planned;
}

function childRelationship(
  engine: QueryEngine,
  store: Store,
  parentType: string,
  name: string
): { childType: string; field: string } {
  try {
    const relation = engine.childRelationship(store.object(parentType), name);
    return { childType: relation.child.schema.name, field: relation.field.name };
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    throw new ApiError(400, 'INVALID_FIELD', `No such column '${name}' on sobject of type ${parentType}`);
  }
}
