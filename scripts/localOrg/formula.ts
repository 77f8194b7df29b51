// Salesforce formulas in the local org: formula fields computed on read and validation rules evaluated on write.
// `formulon` parses the formula (once per formula text: its parser costs about half a millisecond); the evaluation
// below walks its syntax tree per record, so a million-record load pays microseconds per rule, not a parse.
//
// Evaluated: number, text, checkbox and null literals; field references on the same object; + - * / ^ and text &;
// = == != <> < <= > >=; && ||; AND, OR, NOT, IF, CASE, ISBLANK, ISNULL, BLANKVALUE, NULLVALUE, ISPICKVAL, TEXT,
// VALUE, LEN, ABS, ROUND, FLOOR, CEILING, MIN, MAX, TODAY, ISNEW, ISCHANGED, PRIORVALUE. Dates are days, and the
// platform's date arithmetic holds (date - date is a number of days, date +/- number is a date). A blank operand
// makes arithmetic and comparisons blank; AND and OR read blank as false (a validation rule fires only on TRUE).
// Anything else (cross-object references, $User, other functions) cannot compile: a formula field reads as null and
// a deploy with such a validation rule fails naming what the local org cannot evaluate.
import { ast as formulonAst } from 'formulon';
import type { FieldSchema } from './schema';

interface Literal {
  type: 'literal';
  value: unknown;
  dataType: string;
}
interface Identifier {
  type: 'identifier';
  name: string;
}
interface Call {
  type: 'callExpression';
  id: string;
  arguments: Node[];
}
interface ParseError {
  type: 'error';
  message: string;
}
type Node = Literal | Identifier | Call;

/** A date as days since 1970-01-01 (UTC). */
interface Day {
  day: number;
}
export type Value = number | string | boolean | Day | null;

const DAY_MS = 86_400_000;
const isDay = (value: Value): value is Day => typeof value === 'object' && value !== null;

/** What a formula reads: field values by API name (as stored), the record before the write, whether it is new. */
export interface FormulaScope {
  read(name: string): unknown;
  prior?(name: string): unknown;
  isNew?: boolean;
  /** Today as 'YYYY-MM-DD' (default: the UTC date now). */
  today?: string;
}

export const SUPPORTED_FUNCTIONS = new Set([
  'and',
  'or',
  'not',
  'if',
  'case',
  'isblank',
  'isnull',
  'blankvalue',
  'nullvalue',
  'ispickval',
  'text',
  'value',
  'len',
  'abs',
  'round',
  'floor',
  'ceiling',
  'min',
  'max',
  'today',
  'isnew',
  'ischanged',
  'priorvalue',
  'add',
  'subtract',
  'multiply',
  'divide',
  'exponentiate',
  'equal',
  'unequal',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual'
]);

export type Compiled = { ok: true; node: Node; fields: string[] } | { ok: false; problem: string };

const cache = new Map<string, Compiled>();

/** Parses a formula once and checks that every function in it is one the local org evaluates. */
export function compileFormula(formula: string): Compiled {
  let compiled = cache.get(formula);
  if (compiled) return compiled;
  const tree = formulonAst(formula) as Node | ParseError | Record<string, never>;
  if (!('type' in tree)) compiled = { ok: false, problem: 'the formula is empty' };
  else if (tree.type === 'error') compiled = { ok: false, problem: `Syntax error in the formula: ${formula}` };
  else {
    const fields = new Set<string>();
    const unsupported = new Set<string>();
    const visit = (node: Node): void => {
      if (node.type === 'identifier') fields.add(node.name);
      if (node.type !== 'callExpression') return;
      if (!SUPPORTED_FUNCTIONS.has(node.id)) unsupported.add(node.id.toUpperCase());
      node.arguments.forEach(visit);
    };
    visit(tree);
    compiled = unsupported.size
      ? { ok: false, problem: `the local org cannot evaluate ${[...unsupported].join(', ')}` }
      : { ok: true, node: tree, fields: [...fields] };
  }
  cache.set(formula, compiled);
  return compiled;
}

function toValue(raw: unknown): Value {
  if (raw === null || raw === undefined || raw === '') return null;
  if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return { day: Date.parse(`${raw}T00:00:00Z`) / DAY_MS };
    return raw;
  }
  return null;
}

const blank = (value: Value): boolean => value === null || value === '';

function compare(a: Value, b: Value): number | null {
  if (blank(a) || blank(b)) return null;
  const x = isDay(a) ? a.day : a;
  const y = isDay(b) ? b.day : b;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'boolean' && typeof y === 'boolean') return Number(x) - Number(y);
  const s = String(x);
  const t = String(y);
  return s < t ? -1 : s > t ? 1 : 0;
}

function arithmetic(op: string, a: Value, b: Value): Value {
  if (op === 'add' && (typeof a === 'string' || typeof b === 'string')) return `${a ?? ''}${b ?? ''}`;
  if (a === null || b === null) return null;
  if (isDay(a) || isDay(b)) {
    if (op === 'subtract' && isDay(a) && isDay(b)) return a.day - b.day;
    if (op === 'subtract' && isDay(a) && typeof b === 'number') return { day: a.day - b };
    if (op === 'add' && isDay(a) && typeof b === 'number') return { day: a.day + b };
    if (op === 'add' && typeof a === 'number' && isDay(b)) return { day: a + b.day };
    return null;
  }
  if (typeof a !== 'number' || typeof b !== 'number') return null;
  switch (op) {
    case 'add':
      return a + b;
    case 'subtract':
      return a - b;
    case 'multiply':
      return a * b;
    case 'divide':
      return b === 0 ? null : a / b;
    default:
      return a ** b;
  }
}

/**
 * AND (`decisive` false) or OR (`decisive` true) in three-valued logic: an argument equal to `decisive` settles it;
 * otherwise a blank (or non-boolean) argument makes the answer blank.
 */
function connective(args: Node[], scope: FormulaScope, decisive: boolean): Value {
  let sawBlank = false;
  for (const a of args) {
    const v = evaluate(a, scope);
    if (v === decisive) return decisive;
    if (v !== !decisive) sawBlank = true;
  }
  return sawBlank ? null : !decisive;
}

function evaluate(node: Node, scope: FormulaScope): Value {
  if (node.type === 'literal') return node.dataType === 'null' ? null : toValue(node.value);
  if (node.type === 'identifier') return toValue(scope.read(node.name));
  const args = node.arguments;
  const arg = (i: number): Value => evaluate(args[i], scope);
  switch (node.id) {
    case 'and':
      return connective(args, scope, false);
    case 'or':
      return connective(args, scope, true);
    case 'not': {
      const v = arg(0);
      return typeof v === 'boolean' ? !v : null;
    }
    case 'if':
      return arg(0) === true ? arg(1) : arg(2);
    case 'case': {
      const subject = arg(0);
      for (let i = 1; i + 1 < args.length; i += 2) if (compare(subject, arg(i)) === 0) return arg(i + 1);
      return args.length % 2 === 0 ? arg(args.length - 1) : null;
    }
    case 'isblank':
    case 'isnull':
      return blank(arg(0));
    case 'blankvalue':
    case 'nullvalue': {
      const v = arg(0);
      return blank(v) ? arg(1) : v;
    }
    case 'ispickval':
      return (arg(0) ?? '') === (arg(1) ?? '');
    case 'text': {
      const v = arg(0);
      if (v === null) return '';
      if (isDay(v)) return new Date(v.day * DAY_MS).toISOString().slice(0, 10);
      return String(v);
    }
    case 'value': {
      const v = arg(0);
      const n = typeof v === 'string' ? Number(v) : NaN;
      return Number.isFinite(n) ? n : null;
    }
    case 'len': {
      const v = arg(0);
      return v === null ? 0 : String(v).length;
    }
    case 'abs':
    case 'floor':
    case 'ceiling': {
      const v = arg(0);
      if (typeof v !== 'number') return null;
      return node.id === 'abs' ? Math.abs(v) : node.id === 'floor' ? Math.floor(v) : Math.ceil(v);
    }
    case 'round': {
      const v = arg(0);
      const digits = arg(1);
      if (typeof v !== 'number' || typeof digits !== 'number') return null;
      const factor = 10 ** digits;
      // Salesforce rounds half away from zero.
      return (Math.sign(v) * Math.round(Math.abs(v) * factor)) / factor;
    }
    case 'min':
    case 'max': {
      const values = args.map((a) => evaluate(a, scope));
      if (values.some((v) => typeof v !== 'number')) return null;
      return node.id === 'min' ? Math.min(...(values as number[])) : Math.max(...(values as number[]));
    }
    case 'today':
      return toValue(scope.today ?? new Date().toISOString().slice(0, 10));
    case 'isnew':
      return scope.isNew === true;
    case 'ischanged': {
      if (scope.isNew || !scope.prior || args[0].type !== 'identifier') return false;
      const now = arg(0);
      const before = toValue(scope.prior(args[0].name));
      if (blank(now) || blank(before)) return blank(now) !== blank(before);
      return compare(now, before) !== 0;
    }
    case 'priorvalue':
      if (!scope.prior || args[0].type !== 'identifier') return arg(0);
      return toValue(scope.isNew ? scope.read(args[0].name) : scope.prior(args[0].name));
    case 'equal':
    case 'unequal': {
      const a = arg(0);
      const b = arg(1);
      // Text compares blank with blank as equal; every other blank comparison is blank.
      if (blank(a) && blank(b)) return node.id === 'equal';
      const c = compare(a, b);
      if (c === null) return null;
      return node.id === 'equal' ? c === 0 : c !== 0;
    }
    case 'lessThan':
    case 'lessThanOrEqual':
    case 'greaterThan':
    case 'greaterThanOrEqual': {
      const c = compare(arg(0), arg(1));
      if (c === null) return null;
      if (node.id === 'lessThan') return c < 0;
      if (node.id === 'lessThanOrEqual') return c <= 0;
      if (node.id === 'greaterThan') return c > 0;
      return c >= 0;
    }
    default:
      return arithmetic(node.id, arg(0), arg(1));
  }
}

/**
 * A field's value as a formula reads it: a percent field holds 72 for 72% and a formula sees 0.72, as on the
 * platform (`Product_Adoption__c > 1` means above 100%).
 */
export function formulaOperand(field: FieldSchema, value: unknown): unknown {
  return field.type === 'percent' && typeof value === 'number' ? value / 100 : value;
}

/** A compiled formula's value for a record. */
export function evaluateFormula(compiled: Extract<Compiled, { ok: true }>, scope: FormulaScope): Value {
  return evaluate(compiled.node, scope);
}

/**
 * The formula field's value for a record (a date formula gives 'YYYY-MM-DD', a checkbox a boolean), or null when a
 * value is blank or the formula cannot be evaluated here.
 */
export function formulaValue(field: FieldSchema, read: (name: string) => unknown): number | string | boolean | null {
  if (!field.formula) return null;
  const compiled = compileFormula(field.formula);
  if (!compiled.ok) return null;
  const value = evaluate(compiled.node, { read });
  if (value === null) return null;
  if (isDay(value)) return field.type === 'date' ? new Date(value.day * DAY_MS).toISOString().slice(0, 10) : null;
  if (field.type === 'boolean') return value === true;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || field.type === 'date') return null;
    return field.scale !== undefined ? Number(value.toFixed(field.scale)) : value;
  }
  return field.type === 'string' || field.type === 'textarea' ? String(value) : null;
}
