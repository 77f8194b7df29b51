// Formula fields computed on read. The local org evaluates arithmetic only: numbers, field references, + - * /
// and parentheses, with the platform's date arithmetic (date - date is a number of days, date +/- number is a date).
// Any other formula (functions, text, comparisons) reads as null; the README lists this.
import type { FieldSchema } from './schema';

type Node =
  | { kind: 'num'; value: number }
  | { kind: 'field'; name: string }
  | { kind: 'op'; op: string; left: Node; right: Node }
  | { kind: 'neg'; arg: Node };

const compiled = new Map<string, Node | null>();

function tokenize(text: string): string[] | null {
  const tokens = text.match(/\s*(\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*|[-+*/()]|\S)/g);
  if (!tokens) return null;
  return tokens.map((t) => t.trim());
}

function parse(text: string): Node | null {
  const tokens = tokenize(text);
  if (!tokens) return null;
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];
  const expr = (): Node => {
    let left = term();
    while (peek() === '+' || peek() === '-') {
      const op = tokens[pos++];
      left = { kind: 'op', op, left, right: term() };
    }
    return left;
  };
  const term = (): Node => {
    let left = unary();
    while (peek() === '*' || peek() === '/') {
      const op = tokens[pos++];
      left = { kind: 'op', op, left, right: unary() };
    }
    return left;
  };
  const unary = (): Node => {
    if (peek() === '-') {
      pos++;
      return { kind: 'neg', arg: unary() };
    }
    if (peek() === '+') pos++;
    return primary();
  };
  const primary = (): Node => {
    const token = tokens[pos++];
    if (token === undefined) throw new Error('end of formula');
    if (token === '(') {
      const inner = expr();
      if (tokens[pos++] !== ')') throw new Error('missing )');
      return inner;
    }
    if (/^\d/.test(token)) return { kind: 'num', value: Number(token) };
    if (/^[A-Za-z_]/.test(token) && tokens[pos] !== '(') return { kind: 'field', name: token };
    throw new Error(`unsupported token ${token}`);
  };
  try {
    const node = expr();
    return pos === tokens.length ? node : null;
  } catch {
    return null;
  }
}

/** A date operand, as days since 1970-01-01 (UTC). */
interface Day {
  day: number;
}
type Value = number | Day | null;

const DAY_MS = 86_400_000;
const isDay = (value: Value): value is Day => typeof value === 'object' && value !== null;

function readOperand(value: unknown): Value {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return { day: Date.parse(`${value}T00:00:00Z`) / DAY_MS };
  return null;
}

function evaluate(node: Node, read: (name: string) => unknown): Value {
  switch (node.kind) {
    case 'num':
      return node.value;
    case 'field':
      return readOperand(read(node.name));
    case 'neg': {
      const value = evaluate(node.arg, read);
      return typeof value === 'number' ? -value : null;
    }
    case 'op': {
      const left = evaluate(node.left, read);
      const right = evaluate(node.right, read);
      if (left === null || right === null) return null;
      if (isDay(left) || isDay(right)) {
        if (node.op === '-' && isDay(left) && isDay(right)) return left.day - right.day;
        if (node.op === '-' && isDay(left) && !isDay(right)) return { day: left.day - right };
        if (node.op === '+' && isDay(left) !== isDay(right)) {
          return { day: (isDay(left) ? left.day : left) + (isDay(right) ? right.day : (right as number)) };
        }
        return null;
      }
      if (node.op === '+') return left + right;
      if (node.op === '-') return left - right;
      if (node.op === '*') return left * right;
      return right === 0 ? null : left / right;
    }
  }
}

/** The formula field's value for a record (a date formula gives 'YYYY-MM-DD'), or null when a value is blank or
 * the formula is not arithmetic. */
export function formulaValue(field: FieldSchema, read: (name: string) => unknown): number | string | null {
  if (!field.formula) return null;
  let node = compiled.get(field.formula);
  if (node === undefined) {
    node = parse(field.formula);
    compiled.set(field.formula, node);
  }
  if (!node) return null;
  const value = evaluate(node, read);
  if (isDay(value)) {
    return field.type === 'date' ? new Date(value.day * DAY_MS).toISOString().slice(0, 10) : null;
  }
  if (value === null || !Number.isFinite(value) || field.type === 'date') return null;
  return field.scale !== undefined ? Number(value.toFixed(field.scale)) : value;
}
