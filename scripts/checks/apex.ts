// Check 3: every Apex class and trigger parses, and follows the house's data-access rules:
// classes declare `with sharing` and every SOQL query runs `WITH USER_MODE` (tests excepted).
import fs from 'node:fs';
import path from 'node:path';
import {
  ApexErrorListener,
  ApexParserBaseListener,
  ApexParserFactory,
  ApexParseTreeWalker
} from '@apexdevtools/apex-parser';
import type {
  ClassBodyDeclarationContext,
  SoqlLiteralContext,
  TypeDeclarationContext
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
  const unit: ApexUnit = { file, errors: listener.errors, classModifiers: [], isTest: false, methods: [], soql: [] };
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
      const use: SoqlUse = { text, line: ctx.start.line };
      try {
        use.query = parseQuery(text, { allowApexBindVariables: true });
      } catch (error) {
        use.parseError = error instanceof Error ? error.message.split('\n')[0] : String(error);
      }
      unit.soql.push(use);
    };
  })();
  ApexParseTreeWalker.DEFAULT.walk(walker, tree);
  return unit;
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
    for (const use of unit.soql) {
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
  }
  return findings;
}
