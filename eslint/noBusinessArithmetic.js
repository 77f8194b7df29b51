// ESLint rule cs/no-business-arithmetic: components render, successModel computes. In a component, a rate, a
// share, a percentage or a rounding (`*`, `/`, `%`, `**`, Math.round/floor/ceil/trunc/pow/sqrt/log) and any sum or
// difference of record fields (`Account.ARR__c - ...`) is a formula, and formulas live once in successModel. Counting
// and paging (`+`, `-` on plain numbers, Math.min/max/abs) stay: they are how a list is cut, not a business figure.
'use strict';

const FORMULA_OPERATORS = new Set(['*', '/', '%', '**']);
const FORMULA_MATH = new Set(['round', 'floor', 'ceil', 'trunc', 'pow', 'sqrt', 'log', 'log10', 'exp', 'hypot']);

/** `record.Field__c`, `record?.Field__c`, `record['Field__c']`: a stored business value. */
function isRecordField(node) {
  const expression = node.type === 'ChainExpression' ? node.expression : node;
  if (expression.type !== 'MemberExpression') return false;
  const key = expression.computed ? expression.property.value : expression.property.name;
  return typeof key === 'string' && /__c$/.test(key);
}

module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep business arithmetic in successModel: components only render its figures.' },
    schema: [],
    messages: {
      operator: "'{{operator}}' computes a figure in a component: compute it in successModel and render the result.",
      math: 'Math.{{name}} computes a figure in a component: compute it in successModel and render the result.',
      field: "'{{operator}}' on a record field computes a figure in a component: compute it in successModel."
    }
  },
  create(context) {
    const report = (node, messageId, data) => context.report({ node, messageId, data });
    return {
      BinaryExpression(node) {
        if (FORMULA_OPERATORS.has(node.operator)) report(node, 'operator', { operator: node.operator });
        else if (
          (node.operator === '+' || node.operator === '-') &&
          (isRecordField(node.left) || isRecordField(node.right))
        )
          report(node, 'field', { operator: node.operator });
      },
      AssignmentExpression(node) {
        const operator = node.operator.slice(0, -1);
        if (FORMULA_OPERATORS.has(operator)) report(node, 'operator', { operator: node.operator });
      },
      CallExpression(node) {
        const callee = node.callee;
        if (
          callee.type === 'MemberExpression' &&
          callee.object.type === 'Identifier' &&
          callee.object.name === 'Math' &&
          !callee.computed &&
          FORMULA_MATH.has(callee.property.name)
        )
          report(node, 'math', { name: callee.property.name });
      }
    };
  }
};
