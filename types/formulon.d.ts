// formulon (Salesforce formula parser and evaluator) ships no types: the parts seed and the local org use.
// No top-level import here, so the declaration stays global.
declare module 'formulon' {
  export interface FormulonLiteral {
    type: 'literal';
    dataType: 'number' | 'text' | 'checkbox' | 'date' | 'time' | 'datetime' | 'picklist' | 'multipicklist' | 'null';
    value: unknown;
    options?: Record<string, unknown>;
  }
  export interface FormulonError {
    type: 'error';
    errorType: string;
    message: string;
  }
  export function parse(
    formula: string,
    identifiers?: Record<string, FormulonLiteral>
  ): FormulonLiteral | FormulonError;
  /** The syntax tree of a formula: literals, identifiers and call expressions; `{ type: 'error' }` when it does not parse; `{}` when empty. */
  export function ast(formula: string): unknown;
  /** The identifiers a formula references. */
  export function extract(formula: string): string[];
}
