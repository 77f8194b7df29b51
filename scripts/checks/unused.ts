// npm run lint (check:unused): no export that nothing uses, no file that nothing reaches. Our own check on the
// TypeScript compiler API rather than knip: knip's resolver tries `.js` before `.ts`, and every component has its
// compiled `.js` beside its `.ts`, so it reads the build output and calls the sources unused. tsc's module
// resolution (tsconfig.json, its c/<component> paths, bundler resolution) is the one the project compiles with.
//
// An export counts as used when another file imports it (by name, as default, through `* as`, `export *`, a dynamic
// import or require) or when its own file uses it. Entries are what a platform, runner or npm script loads; their
// public exports (a component's default class, a command class) count as used.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { PROJECT_ROOT } from '../lib/paths';

export interface EntryRule {
  /** Matches a project-relative path (forward slashes). */
  test: (file: string) => boolean;
  /** Which of its exports the loader uses: its default export, all of them, or none (tests). */
  public: 'default' | 'all' | 'none';
}

export interface Unused {
  files: string[];
  exports: Array<{ file: string; line: number; name: string }>;
}

interface ModuleInfo {
  /** Exported names, with the line each is declared on. */
  exports: Map<string, number>;
  /** Names other files take from it; '*' is all of them. */
  used: Set<string>;
  /** Project files it imports (for reachability). */
  imports: Set<string>;
  source: ts.SourceFile;
}

const EXPORTED = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const DEFAULT = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

export function findUnused(root: string, tsconfigFile: string, entries: EntryRule[]): Unused {
  const config = ts.readConfigFile(tsconfigFile, (file) => ts.sys.readFile(file));
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, path.dirname(tsconfigFile));
  const rel = (file: string): string => path.relative(root, file).split(path.sep).join('/');
  const files = parsed.fileNames.filter((f) => !f.endsWith('.d.ts')).map((f) => path.resolve(f));
  const known = new Set(files);
  const modules = new Map<string, ModuleInfo>();
  const resolutionHost: ts.ModuleResolutionHost = ts.sys;
  const resolve = (specifier: string, from: string): string | undefined => {
    const resolved = ts.resolveModuleName(specifier, from, parsed.options, resolutionHost).resolvedModule;
    if (!resolved || resolved.isExternalLibraryImport) return undefined;
    const target = path.resolve(resolved.resolvedFileName);
    return known.has(target) ? target : undefined;
  };

  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    modules.set(file, { exports: new Map(), used: new Set(), imports: new Set(), source });
  }
  const info = (file: string): ModuleInfo => modules.get(file) as ModuleInfo;
  const use = (from: string, specifier: string, names: string[]): void => {
    const target = resolve(specifier, from);
    if (!target) return;
    info(from).imports.add(target);
    for (const name of names) info(target).used.add(name);
  };

  for (const [file, module] of modules) {
    const { source } = module;
    const line = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const declare = (name: string, node: ts.Node): void => void module.exports.set(name, line(node));
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        const clause = statement.importClause;
        const names: string[] = [];
        if (clause?.name) names.push('default');
        const bindings = clause?.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) names.push('*');
        if (bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements) names.push((element.propertyName ?? element.name).text);
        }
        use(file, statement.moduleSpecifier.text, names);
      } else if (ts.isExportDeclaration(statement)) {
        const from =
          statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
            ? statement.moduleSpecifier.text
            : undefined;
        const clause = statement.exportClause;
        if (!clause) {
          if (from) use(file, from, ['*']);
        } else if (ts.isNamespaceExport(clause)) {
          declare(clause.name.text, clause);
          if (from) use(file, from, ['*']);
        } else {
          for (const element of clause.elements) {
            declare(element.name.text, element);
            if (from) use(file, from, [(element.propertyName ?? element.name).text]);
          }
        }
      } else if (ts.isExportAssignment(statement)) {
        declare('default', statement);
      } else if (EXPORTED(statement)) {
        if (DEFAULT(statement)) declare('default', statement);
        else if (ts.isVariableStatement(statement)) {
          for (const declaration of statement.declarationList.declarations) {
            if (ts.isIdentifier(declaration.name)) declare(declaration.name.text, declaration);
          }
        } else {
          const name = (statement as ts.DeclarationStatement).name;
          if (name && ts.isIdentifier(name)) declare(name.text, statement);
        }
      }
    }
    // Dynamic import('x') and require('x') take everything.
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])) {
        const dynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword;
        const required = ts.isIdentifier(node.expression) && node.expression.text === 'require';
        if (dynamic || required) use(file, node.arguments[0].text, ['*']);
      }
      if (
        ts.isImportTypeNode(node) &&
        ts.isLiteralTypeNode(node.argument) &&
        ts.isStringLiteral(node.argument.literal)
      ) {
        use(file, node.argument.literal.text, ['*']);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }

  // Reachability from the entries.
  const ruleOf = (file: string): EntryRule | undefined => entries.find((rule) => rule.test(rel(file)));
  const reached = new Set<string>();
  const queue = files.filter((f) => ruleOf(f) !== undefined);
  while (queue.length) {
    const file = queue.pop() as string;
    if (reached.has(file)) continue;
    reached.add(file);
    for (const target of info(file).imports) queue.push(target);
  }

  const result: Unused = { files: [], exports: [] };
  for (const file of files) {
    if (!reached.has(file)) {
      result.files.push(rel(file));
      continue;
    }
    const module = info(file);
    if (module.used.has('*')) continue;
    const publicExports = ruleOf(file)?.public ?? 'none';
    if (publicExports === 'all') continue;
    for (const [name, line] of module.exports) {
      if (module.used.has(name)) continue;
      if (name === 'default' && publicExports === 'default') continue;
      if (name !== 'default' && usedInOwnFile(module.source, name)) continue;
      result.exports.push({ file: rel(file), line, name });
    }
  }
  result.files.sort();
  result.exports.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return result;
}

/** Whether the name is read anywhere in its own file other than where it is declared or exported. */
function usedInOwnFile(source: ts.SourceFile, name: string): boolean {
  let uses = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === name) {
      const parent = node.parent;
      const declaration =
        (ts.isVariableDeclaration(parent) ||
          ts.isFunctionDeclaration(parent) ||
          ts.isClassDeclaration(parent) ||
          ts.isInterfaceDeclaration(parent) ||
          ts.isTypeAliasDeclaration(parent) ||
          ts.isEnumDeclaration(parent)) &&
        parent.name === node;
      const exportSpecifier = ts.isExportSpecifier(parent);
      if (!declaration && !exportSpecifier) uses++;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses > 0;
}

const LWC = 'force-app/main/default/lwc/';

/** What loads this project's files: the platform, jest, node's test runner, rollup, oclif and the npm scripts. */
export function projectEntries(root: string = PROJECT_ROOT): EntryRule[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const scriptFiles = new Set(
    Object.values(pkg.scripts).flatMap((command) =>
      [...command.matchAll(/(?:tsx|node)\s+([\w./-]+\.m?ts)\b/g)].map((m) => m[1])
    )
  );
  return [
    // A component's main module (lwc/<name>/<name>.ts) is loaded by the platform as c/<name>.
    { test: (f) => f.startsWith(LWC) && /^([^/]+)\/\1\.ts$/.test(f.slice(LWC.length)), public: 'default' },
    { test: (f) => f.startsWith(LWC) && f.includes('/__tests__/'), public: 'none' },
    // Jest's setup, transformer and platform mocks are named in jest.config.js.
    { test: (f) => /^jest\/(mocks\/|setup\.ts$|transformer\.js$)/.test(f), public: 'all' },
    // The preview's platform bindings and base-component stand-ins are rollup module records.
    { test: (f) => /^preview\/platform\/[^/]+\.ts$/.test(f), public: 'all' },
    { test: (f) => /^preview\/modules\/[^/]+\/([^/]+)\/\1\.ts$/.test(f), public: 'default' },
    { test: (f) => f === 'preview/main.ts', public: 'none' },
    {
      test: (f) => f.startsWith('scripts/commands/') && f.endsWith('.mts') && !f.includes('__tests__'),
      public: 'default'
    },
    { test: (f) => /\.(test|e2e|bench)\.ts$/.test(f), public: 'none' },
    { test: (f) => scriptFiles.has(f), public: 'none' }
  ];
}

function main(): number {
  const unused = findUnused(PROJECT_ROOT, path.join(PROJECT_ROOT, 'tsconfig.json'), projectEntries());
  for (const file of unused.files) process.stderr.write(`${file}: no entry reaches this file\n`);
  for (const e of unused.exports) process.stderr.write(`${e.file}:${e.line}: export ${e.name} is used nowhere\n`);
  const count = unused.files.length + unused.exports.length;
  if (count) process.stderr.write(`check:unused: ${count} problem(s): remove the code, or the export keyword\n`);
  return count ? 1 : 0;
}

if (require.main === module) process.exitCode = main();
