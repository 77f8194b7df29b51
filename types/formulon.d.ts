// formulon (Salesforce formula parser and evaluator) ships no types: the part seed uses.
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
  export function extract(formula: string): string[];
}
