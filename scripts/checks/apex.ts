// Check 3: every Apex class and trigger parses, and follows the house's data-access rules (tests excepted):
// classes declare `with sharing`; every SOQL query runs `WITH USER_MODE`, is the only query of its method (so it has a
// name, Class.method), and is never in a loop body, directly or through a selector call.
import fs from 'node:fs';
import path from 'node:path';
import {
  ApexErrorListener,
  ApexParserBaseListener,
  ApexParserFactory,
  ApexParseTreeWalker
} from '@apexdevtools/apex-parser';
import {
  ClassDeclarationContext,
  ConstructorDeclarationContext,
  DoWhileStatementContext,
  ForStatementContext,
  MethodDeclarationContext,
  WhileStatementContext,
  type ClassBodyDeclarationContext,
  type SoqlLiteralContext,
  type StatementContext,
  type TypeDeclarationContext
} from '@apexdevtools/apex-parser/antlr/ApexParser';
import { parseQuery, type Query } from '@jetstreamapp/soql-parser-js';
import { walk } from './files';
import { relativeTo, type Finding } from './findings';

export interface SyntaxProblem {
  line: number;
  column: number;
  message: string;
}

export interface SoqlUse {
  text: string;
  line: number;
  query?: Query;
  parseError?: string;
  /** The class the query is written in, inner classes as `Outer.Inner`. */
  className?: string;
  /** The method (or constructor) holding it; undefined in a field initialiser. */
  method?: string;
  /** In the body of a for, while or do loop: it runs once per iteration. */
  inLoop: boolean;
}

/** A call to a selector method inside a loop body: a query per iteration, one call away. */
export interface LoopCall {
  line: number;
  call: string;
}

/** A field of an Apex class that reaches a component: `@AuraEnabled public Type name;`. */
export interface ApexDtoField {
  name: string;
  /** The Apex type as written, e.g. `List<Customer_Goal__c>`. */
  type: string;
  line: number;
}

/** A class (inner classes as `Outer.Inner`) with @AuraEnabled fields: a view-model the components receive. */
export interface ApexDto {
  name: string;
  line: number;
  fields: ApexDtoField[];
}

export interface ApexMethod {
  name: string;
  annotations: string[];
  isStatic: boolean;
}

export interface ApexUnit {
  file: string;
  errors: SyntaxProblem[];
  className?: string;
  classModifiers: string[];
  isTest: boolean;
  methods: ApexMethod[];
  soql: SoqlUse[];
  loopCalls: LoopCall[];
  dtos: ApexDto[];
}

class CollectingListener extends ApexErrorListener {
  readonly errors: SyntaxProblem[] = [];
  apexSyntaxError(line: number, column: number, msg: string): void {
    this.errors.push({ line, column, message: msg });
  }
}

interface TokenLike {
  start: number;
  stop: number;
  line: number;
}

function textOf(source: string, ctx: { start: TokenLike; stop?: TokenLike | null }): string {
  return source.slice(ctx.start.start, (ctx.stop ?? ctx.start).stop + 1);
}

/** Parses one Apex source; lexer and parser errors both land in `errors`. */
export function parseApex(source: string, file: string, isTrigger = false): ApexUnit {
  const listener = new CollectingListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  const tree = isTrigger ? parser.triggerUnit() : parser.compilationUnit();
  const unit: ApexUnit = {
    file,
    errors: listener.errors,
    classModifiers: [],
    isTest: false,
    methods: [],
    soql: [],
    loopCalls: [],
    dtos: []
  };
  if (unit.errors.length) return unit;

  let depth = 0;
  const walker = new (class extends ApexParserBaseListener {
    enterTypeDeclaration = (ctx: TypeDeclarationContext): void => {
      const cls = ctx.classDeclaration();
      if (cls && !unit.className) {
        unit.className = cls.id().getText();
        unit.classModifiers = ctx.modifier_list().map((m) => textOf(source, m).toLowerCase().replace(/\s+/g, ' '));
        unit.isTest = unit.classModifiers.some((m) => m.startsWith('@istest'));
      }
    };
    enterClassBodyDeclaration = (ctx: ClassBodyDeclarationContext): void => {
      depth++;
      const member = ctx.memberDeclaration();
      const declared = member?.fieldDeclaration() ?? member?.propertyDeclaration();
      const annotated = ctx.modifier_list().some((m) => /^@auraenabled\b/i.test(textOf(source, m)));
      if (declared && annotated) {
        const owner = enclosingClass(ctx);
        let dto = unit.dtos.find((d) => d.name === owner.name);
        if (!dto) unit.dtos.push((dto = { name: owner.name, line: owner.line, fields: [] }));
        const type = textOf(source, declared.typeRef()).replace(/\s+/g, '');
        const field = member?.fieldDeclaration();
        const names = field
          ? field
              .variableDeclarators()
              .variableDeclarator_list()
              .map((v) => v.id().getText())
          : [member!.propertyDeclaration().id().getText()];
        for (const name of names) dto.fields.push({ name, type, line: declared.start.line });
      }
      const method = ctx.memberDeclaration()?.methodDeclaration();
      if (method && depth === 1) {
        const modifiers = ctx.modifier_list().map((m) => textOf(source, m));
        unit.methods.push({
          name: method.id().getText(),
          annotations: modifiers
            .filter((m) => m.startsWith('@'))
            .map((m) => m.slice(1).split('(')[0].trim().toLowerCase()),
          isStatic: modifiers.some((m) => m.toLowerCase() === 'static')
        });
      }
    };
    exitClassBodyDeclaration = (): void => {
      depth--;
    };
    enterSoqlLiteral = (ctx: SoqlLiteralContext): void => {
      const text = textOf(source, ctx.query());
      const use: SoqlUse = {
        text,
        line: ctx.start.line,
        className: enclosingClass(ctx).name || undefined,
        method: enclosingMethod(ctx),
        inLoop: inLoopBody(ctx)
      };
      try {
        use.query = parseQuery(text, { allowApexBindVariables: true });
      } catch (error) {
        use.parseError = error instanceof Error ? error.message.split('\n')[0] : String(error);
      }
      unit.soql.push(use);
    };
    enterForStatement = (ctx: ForStatementContext): void => loopBody(ctx.statement());
    enterWhileStatement = (ctx: WhileStatementContext): void => loopBody(ctx.statement());
    enterDoWhileStatement = (ctx: DoWhileStatementContext): void => loopBody(ctx.block());
  })();
  // Selector calls in a loop body: the query runs once per iteration even though no SOQL is written there.
  const loopBody = (body: StatementContext | { start: TokenLike; stop?: TokenLike | null } | null): void => {
    if (!body) return;
    const text = textOf(source, body);
    for (const match of text.matchAll(/\b([A-Z]\w*Selector\.\w+)\s*\(/g)) {
      const line = body.start.line + text.slice(0, match.index).split('\n').length - 1;
      if (!unit.loopCalls.some((c) => c.line === line && c.call === match[1]))
        unit.loopCalls.push({ line, call: match[1] });
    }
  };
  ApexParseTreeWalker.DEFAULT.walk(walker, tree);
  return unit;
}

interface TreeNode {
  parentCtx?: TreeNode | null;
  start: TokenLike;
}

/** The classes around a node, outermost first, as `Outer.Inner`, and the line of the innermost. */
function enclosingClass(ctx: TreeNode): { name: string; line: number } {
  const names: string[] = [];
  let line = 1;
  for (let node: TreeNode | null | undefined = ctx.parentCtx; node; node = node.parentCtx) {
    if (node instanceof ClassDeclarationContext) {
      if (!names.length) line = node.start.line;
      names.unshift(node.id().getText());
    }
  }
  return { name: names.join('.'), line };
}

function enclosingMethod(ctx: TreeNode): string | undefined {
  for (let node: TreeNode | null | undefined = ctx.parentCtx; node; node = node.parentCtx) {
    if (node instanceof MethodDeclarationContext) return node.id().getText();
    if (node instanceof ConstructorDeclarationContext) return '<constructor>';
    if (node instanceof ClassDeclarationContext) return undefined;
  }
  return undefined;
}

/** Inside a loop's body (a SOQL for loop's own query runs once, so the loop header does not count). */
function inLoopBody(ctx: TreeNode): boolean {
  let child: TreeNode = ctx;
  for (let node: TreeNode | null | undefined = ctx.parentCtx; node; child = node, node = node.parentCtx) {
    if (node instanceof ForStatementContext || node instanceof WhileStatementContext) {
      if (child === node.statement()) return true;
    } else if (node instanceof DoWhileStatementContext) {
      if (child === node.block()) return true;
    } else if (node instanceof MethodDeclarationContext || node instanceof ClassDeclarationContext) return false;
  }
  return false;
}

export function apexFiles(root: string): string[] {
  return walk(path.join(root, 'force-app'), (f) => f.endsWith('.cls') || f.endsWith('.trigger'));
}

export function loadApex(root: string): ApexUnit[] {
  return apexFiles(root).map((file) => parseApex(fs.readFileSync(file, 'utf8'), file, file.endsWith('.trigger')));
}

function usesUserMode(query: Query): boolean {
  return (query as { withAccessLevel?: string }).withAccessLevel?.toUpperCase() === 'USER_MODE';
}

export function checkApex(root: string, units: ApexUnit[] = loadApex(root)): Finding[] {
  const findings: Finding[] = [];
  for (const unit of units) {
    const file = relativeTo(root, unit.file);
    for (const error of unit.errors) {
      findings.push({
        check: 'apex',
        file,
        line: error.line,
        element: 'syntax',
        message: `Apex does not parse: ${error.message}`
      });
    }
    if (unit.errors.length || unit.isTest || unit.file.endsWith('.trigger')) continue;
    if (unit.className && !unit.classModifiers.includes('with sharing')) {
      findings.push({
        check: 'apex',
        file,
        line: 1,
        element: unit.className,
        message: 'class must be declared `with sharing` so record access follows the running user'
      });
    }
    const perMethod = new Map<string, SoqlUse[]>();
    for (const use of unit.soql) {
      const key = `${use.className ?? unit.className}.${use.method ?? '<field>'}`;
      perMethod.set(key, [...(perMethod.get(key) ?? []), use]);
      if (use.inLoop) {
        findings.push({
          check: 'apex',
          file,
          line: use.line,
          element: 'SOQL',
          message: `query on ${use.query?.sObject ?? 'an object'} in a loop runs once per iteration (100 SOQL queries a transaction): query once, before the loop`
        });
      }
      if (use.parseError) {
        findings.push({
          check: 'apex',
          file,
          line: use.line,
          element: 'SOQL',
          message: `SOQL does not parse: ${use.parseError}`
        });
      } else if (use.query && !usesUserMode(use.query)) {
        findings.push({
          check: 'apex',
          file,
          line: use.line,
          element: 'SOQL',
          message: `query on ${use.query.sObject} lacks WITH USER_MODE, so it would ignore the user's CRUD and FLS`
        });
      }
    }
    // A query is named by its method (Selector.method): the preview and the limit benches run it by that name.
    for (const [name, uses] of perMethod) {
      if (uses.length < 2) continue;
      for (const use of uses.slice(1)) {
        findings.push({
          check: 'apex',
          file,
          line: use.line,
          element: name,
          message: `${name} holds ${uses.length} queries: give each query a method of its own, so each has a name`
        });
      }
    }
    for (const call of unit.loopCalls) {
      findings.push({
        check: 'apex',
        file,
        line: call.line,
        element: call.call,
        message: `${call.call}() in a loop queries once per iteration (100 SOQL queries a transaction): call it once, before the loop`
      });
    }
  }
  return findings;
}
