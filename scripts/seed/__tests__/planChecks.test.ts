// Plan checks that need no org: what the loader and the describe-based validation must refuse before anything is
// sent. Each case here once passed validation and failed at write (a partial write), or crashed with no file or line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PlanError, formatProblem, parsePlanText, type Plan } from '../plan';
import { validatePlan, type FieldDescribe, type ObjectDescribe } from '../validate';
import { resolveDate } from '../dates';
import { runSeed } from '../seed';
import { checkRules, type ValidationRule } from '../rules';

const field = (name: string, type: string, extra: Partial<FieldDescribe> = {}): FieldDescribe => ({
  name,
  type,
  nillable: true,
  createable: true,
  updateable: true,
  defaultedOnCreate: false,
  length: 0,
  ...extra
});

/** A describe shaped like the data model's: Account and Customer_Goal__c with the field kinds the checks cover. */
const DESCRIBES = new Map<string, ObjectDescribe>([
  [
    'account',
    {
      name: 'Account',
      fields: [
        field('Success_Key__c', 'string', { externalId: true, length: 80 }),
        field('Name', 'string', { length: 255, nillable: false }),
        // Number(18, 0): 18 digits, none after the point.
        field('Employees_Exact__c', 'double', { precision: 18, scale: 0 })
      ]
    }
  ],
  [
    'customer_goal__c',
    {
      name: 'Customer_Goal__c',
      fields: [
        field('Goal_Key__c', 'string', { externalId: true, length: 80 }),
        field('Name', 'string', { length: 80, nillable: false }),
        // Currency(18, 2): 16 digits before the point.
        field('Value_Realized__c', 'currency', { precision: 18, scale: 2 }),
        field('Start_Date__c', 'date'),
        field('Last_Review__c', 'datetime'),
        field('Account__c', 'reference', {
          nillable: false,
          relationshipName: 'Account__r',
          referenceTo: ['Account']
        })
      ]
    }
  ]
]);

const ACCOUNT = 'accounts:\n  - key: A\n    create: true\n    Name: Acme\n';

/** The problems validation reports for one goal with these YAML field lines. */
function goalProblems(fieldLines: string): string[] {
  const plan = parsePlanText(`${ACCOUNT}goals:\n  - key: G\n    account: A\n${fieldLines}`, 'plan.yaml');
  return validatePlan(plan, DESCRIBES, '2026-03-01').problems.map(formatProblem);
}

function planError(text: string, file: string): PlanError {
  try {
    parsePlanText(text, file);
  } catch (error) {
    if (error instanceof PlanError) return error;
    throw new Error(`expected a PlanError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a PlanError, the plan loaded');
}

describe('defect 1: numbers the platform cannot store are refused before writing', () => {
  test('1e21 and 1e16 have too many digits for Currency(18, 2); 1e15 (16 digits) fits', () => {
    // 16 digits before the point: 10^16 has 17, 10^21 has 22, 10^15 has 16.
    assert.match(
      goalProblems('    Name: G\n    Value_Realized__c: 1e21\n').join('\n'),
      /Value_Realized__c: 1e21 has too many digits for Value_Realized__c \(16 before the decimal point\)/
    );
    assert.match(goalProblems('    Name: G\n    Value_Realized__c: 1e16\n').join('\n'), /1e16 has too many digits/);
    assert.deepEqual(goalProblems('    Name: G\n    Value_Realized__c: 1e15\n'), []);
    assert.deepEqual(goalProblems('    Name: G\n    Value_Realized__c: -9999999999999.99\n'), []);
  });

  test('.inf and .nan are named as written, never as "null"', () => {
    const inf = goalProblems('    Name: G\n    Value_Realized__c: .inf\n').join('\n');
    assert.match(inf, /Value_Realized__c takes a finite number, not \.inf/);
    assert.doesNotMatch(inf, /null/);
    assert.match(goalProblems('    Name: G\n    Value_Realized__c: -.inf\n').join('\n'), /not -\.inf/);
    assert.match(goalProblems('    Name: G\n    Value_Realized__c: .nan\n').join('\n'), /not \.nan/);
  });

  test('an 18-digit number is printed as written, and refused because a JSON number cannot carry it exactly', () => {
    // 123456789012345678 is read as the double 123456789012345680: sending it would store another number.
    const exact = parsePlanText(
      `${ACCOUNT.replace('Name: Acme', 'Name: Acme\n    Employees_Exact__c: 123456789012345678')}`,
      'p.yaml'
    );
    const problems = validatePlan(exact, DESCRIBES, '2026-03-01').problems.map(formatProblem).join('\n');
    assert.match(
      problems,
      /Employees_Exact__c: 123456789012345678 has 18 significant digits; a number is sent exactly up to 15 \(it would be stored as 123456789012345680\)/
    );
    const tooLong = goalProblems('    Name: G\n    Value_Realized__c: 123456789012345678\n').join('\n');
    assert.match(tooLong, /123456789012345678 has too many digits/);
    assert.doesNotMatch(tooLong, /123456789012345680/);
    // 15 significant digits go through exactly.
    assert.deepEqual(goalProblems('    Name: G\n    Value_Realized__c: 1234567890123.45\n'), []);
  });
});

describe('defect 2: dates stay inside the platform range 1700-01-01..4000-12-31', () => {
  test('a relative date far out is refused, not sent as "+102025-12"', () => {
    assert.equal(resolveDate('+99999y', '2026-03-01'), undefined);
    assert.equal(resolveDate('-400y', '2026-03-01'), undefined, '1626-03-01 is before 1700');
    assert.equal(resolveDate('+1974y', '2026-03-01'), '4000-03-01');
    const problems = goalProblems("    Name: G\n    Start_Date__c: '+99999y'\n").join('\n');
    assert.match(
      problems,
      /Start_Date__c: "\+99999y" is outside the dates the platform stores \(1700-01-01 to 4000-12-31\)/
    );
  });

  test('absolute dates and date-times outside the range are refused; the edges pass', () => {
    assert.match(goalProblems("    Name: G\n    Start_Date__c: '1699-12-31'\n").join('\n'), /outside the dates/);
    assert.match(goalProblems("    Name: G\n    Start_Date__c: '4001-01-01'\n").join('\n'), /outside the dates/);
    assert.deepEqual(goalProblems("    Name: G\n    Start_Date__c: '1700-01-01'\n"), []);
    assert.deepEqual(goalProblems("    Name: G\n    Start_Date__c: '4000-12-31'\n"), []);
    assert.match(
      goalProblems("    Name: G\n    Last_Review__c: '1600-05-01T10:00:00Z'\n").join('\n'),
      /Last_Review__c: "1600-05-01T10:00:00Z" is outside the dates/
    );
    assert.match(
      goalProblems("    Name: G\n    Last_Review__c: '+275760-09-13T00:00:00Z'\n").join('\n'),
      /outside the dates/
    );
    assert.deepEqual(goalProblems("    Name: G\n    Last_Review__c: '2026-02-01T10:00:00Z'\n"), []);
  });
});

describe('defect 3: a YAML alias bomb is a plan error with file and line', () => {
  // Nine aliases per level, five levels: 9^5 = 59,049 copies from a few lines.
  const bomb =
    'description: &a [x, x, x, x, x, x, x, x, x]\n' +
    'accounts: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n' +
    'goals: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n' +
    'roles: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n' +
    'risks: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n';

  test('the loader reports it as a problem at the first alias', () => {
    const error = planError(bomb, 'bomb.yaml');
    assert.equal(error.problems.length, 1);
    assert.equal(error.problems[0].line, 2);
    assert.match(formatProblem(error.problems[0]), /^bomb\.yaml:2 \/: .*aliases/);
  });

  test('seed exits 2 naming the file and line, before connecting to any org', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seed-bomb-'));
    writeFileSync(path.join(dir, 'bomb.yaml'), bomb);
    let err = '';
    const code = await runSeed({
      // Nothing listens on port 9: the plan must be refused before any connection.
      argv: ['--instance-url', 'http://127.0.0.1:9', '--plan', 'bomb.yaml'],
      env: { SF_ACCESS_TOKEN: 'not-used-token' },
      cwd: dir,
      stdout: { write: () => true },
      stderr: { write: (t: string) => (err += t) }
    });
    assert.equal(code, 2, err);
    assert.match(err, /bomb\.yaml:2 /);
  });
});

describe('defect 13: one problem per bad field; JSON is JSON; the plan version is checked', () => {
  test('a too-long or null required field is reported once, with no "required field missing" line', () => {
    const long = goalProblems(`    Name: ${'x'.repeat(81)}\n`);
    assert.deepEqual(
      long.map((p) => p.replace(/^plan\.yaml:\d+ /, '')),
      ['/goals/0/Name: Customer_Goal__c key G field Name: 81 characters is too long for Name (at most 80)']
    );
    const blank = goalProblems('    Name: null\n');
    assert.deepEqual(
      blank.map((p) => p.replace(/^plan\.yaml:\d+ /, '')),
      ['/goals/0/Name: Customer_Goal__c key G field Name: Name cannot be blank']
    );
    // A missing one is still reported.
    assert.match(
      goalProblems('    Start_Date__c: today\n').join('\n'),
      /required field Customer_Goal__c\.Name is missing/
    );
  });

  test('a .json plan is parsed as JSON: a trailing comma is malformed, with its line', () => {
    const text = '{\n  "version": 1,\n  "accounts": [\n    { "key": "A", "create": true, "Name": "A" },\n  ]\n}\n';
    const error = planError(text, 'plan.json');
    assert.equal(error.problems.length, 1);
    assert.match(error.problems[0].message, /^malformed JSON: /);
    assert.equal(error.problems[0].line, 5, 'the line of the closing bracket after the trailing comma');
    // The same plan without the comma loads, with lines for its pointers.
    const plan: Plan = parsePlanText(text.replace('},\n  ]', '}\n  ]'), 'plan.json');
    assert.equal(plan.records.length, 1);
    assert.equal(plan.lineOf('/accounts/0'), 4);
    // YAML-only syntax is not JSON either.
    assert.match(planError('accounts: []\n', 'plan.json').problems[0].message, /^malformed JSON/);
  });

  test('a plan of another version is refused; version 1 and no version load', () => {
    const error = planError(`version: 2\n${ACCOUNT}`, 'plan.yaml');
    assert.deepEqual(
      error.problems.map((p) => [p.pointer, p.line]),
      [['/version', 1]]
    );
    assert.match(error.problems[0].message, /version 2 is not supported: this seed reads version 1 plans/);
    assert.match(planError(`version: '1'\n${ACCOUNT}`, 'plan.yaml').problems[0].message, /version "1"/);
    assert.equal(parsePlanText(`version: 1\n${ACCOUNT}`, 'plan.yaml').records.length, 1);
    assert.equal(parsePlanText(ACCOUNT, 'plan.yaml').records.length, 1);
  });
});

describe('validation rules evaluated on each record before writing', () => {
  const describes = new Map<string, ObjectDescribe>([
    [
      'account',
      {
        name: 'Account',
        fields: [
          field('Success_Key__c', 'string', { externalId: true, length: 80 }),
          field('Name', 'string', { length: 255, nillable: false }),
          field('Product_Adoption__c', 'percent', { precision: 5, scale: 2 }),
          field('Lifecycle_Stage__c', 'picklist', {
            picklistValues: [
              { value: 'Onboarding', active: true, defaultValue: true },
              { value: 'Renewal', active: true }
            ]
          })
        ]
      }
    ]
  ]);
  const rule = (name: string, formula: string, field?: string): ValidationRule => ({
    object: 'Account',
    name,
    formula,
    message: `${name} broken`,
    field
  });
  // The project's rule: 0% to 100%, which formulas see as 0 to 1.
  const adoption = rule(
    'CS_Product_Adoption_Between_0_And_100',
    'AND(NOT(ISBLANK(Product_Adoption__c)), OR(Product_Adoption__c < 0, Product_Adoption__c > 1))',
    'Product_Adoption__c'
  );
  function problems(accounts: string, rules: ValidationRule[], skipped: string[] = []): string[] {
    const plan = parsePlanText(`accounts:\n${accounts}`, 'plan.yaml');
    const { prepared } = validatePlan(plan, describes, '2026-03-01');
    const changes = prepared.map((p) => ({ prepared: p, action: 'create' as const, differs: [] }));
    return checkRules(plan, changes, new Map(), describes, rules, (r, why) => skipped.push(`${r.name}: ${why}`)).map(
      formatProblem
    );
  }

  test('a percent field is a fraction to the formula: 62 passes, 150 and -5 break the 0-100% rule', () => {
    const one = (value: number): string[] =>
      problems(`  - key: A\n    create: true\n    Name: A\n    Product_Adoption__c: ${value}\n`, [adoption]);
    assert.deepEqual(one(62), []);
    assert.deepEqual(one(100), []);
    assert.deepEqual(one(150), [
      'plan.yaml:5 /accounts/0/Product_Adoption__c: Account key A field Product_Adoption__c: validation rule CS_Product_Adoption_Between_0_And_100: CS_Product_Adoption_Between_0_And_100 broken'
    ]);
    assert.equal(one(-5).length, 1);
  });

  test("a create left without a picklist value is checked with the picklist's default", () => {
    const needsRenewal = rule('Stage_Must_Be_Renewal', 'NOT(ISPICKVAL(Lifecycle_Stage__c, "Renewal"))');
    // Lifecycle_Stage__c defaults to Onboarding: the rule fires, at the record (no display field).
    assert.deepEqual(problems('  - key: A\n    create: true\n    Name: A\n', [needsRenewal]), [
      'plan.yaml:2 /accounts/0: Account key A: validation rule Stage_Must_Be_Renewal: Stage_Must_Be_Renewal broken'
    ]);
    assert.deepEqual(
      problems("  - key: A\n    create: true\n    Name: A\n    Lifecycle_Stage__c: 'Renewal'\n", [needsRenewal]),
      []
    );
  });

  test('a rule formulon cannot evaluate is named once and left to the org, never reported as broken', () => {
    const skipped: string[] = [];
    const accounts = '  - key: A\n    create: true\n    Name: A\n  - key: B\n    create: true\n    Name: B\n';
    assert.deepEqual(problems(accounts, [rule('Name_Locked', 'ISCHANGED(Name)')], skipped), []);
    assert.deepEqual(skipped, ['Name_Locked: Unknown function ISCHANGED. Check spelling.']);
  });
});
