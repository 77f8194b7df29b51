// Check 6: the view-model contract. Every Apex class with @AuraEnabled fields (a DTO a component receives) has a
// TypeScript type of the same name under lwc/, and the two agree field by field: the same names, and compatible
// kinds (Integer/Decimal -> number, String/Id/Date -> string, Boolean -> boolean, List -> array, an sObject or a DTO
// -> an object, a DTO field typed with the TypeScript type of the same name). A field renamed on one side, added on
// one side only, or retyped, is a finding that names both files, so the components never read undefined in a real
// org where the jest fixtures and the preview still pass.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { walk } from './files';
import { relativeTo, type Finding } from './findings';
import type { ApexDto, ApexUnit } from './apex';

type Kind = 'number' | 'string' | 'boolean' | 'array' | 'object' | 'any';

interface TsShape {
  kind: Kind;
  /** The declared name of an object type (interface or alias), when it has one. */
  name?: string;
  element?: TsShape;
  /** Several kinds at once (a union such as number | string). */
  kinds?: Kind[];
}

interface TsViewModel {
  name: string;
  file: string;
  line: number;
  properties: Map<string, { shape: TsShape; line: number }>;
}

const NUMBERS = new Set(['integer', 'long', 'decimal', 'double']);
const STRINGS = new Set(['string', 'id', 'date', 'datetime', 'time']);

interface ApexShape {
  kind: Kind;
  dto?: string;
  element?: ApexShape;
}

function apexShape(type: string, dtos: ReadonlySet<string>): ApexShape {
  const list = /^(?:List|Set)<(.+)>$/i.exec(type) ?? /^(.+)\[\]$/.exec(type);
  if (list) return { kind: 'array', element: apexShape(list[1], dtos) };
  if (/^Map</i.test(type)) return { kind: 'object' };
  const lower = type.toLowerCase();
  if (NUMBERS.has(lower)) return { kind: 'number' };
  if (STRINGS.has(lower)) return { kind: 'string' };
  if (lower === 'boolean') return { kind: 'boolean' };
  if (lower === 'object') return { kind: 'any' };
  const simple = type.split('.').pop() as string;
  return dtos.has(simple) ? { kind: 'object', dto: simple } : { kind: 'object' };
}

function tsShape(checker: ts.TypeChecker, type: ts.Type): TsShape {
  if (type.isUnion()) {
    const parts = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    if (parts.length === 1) return tsShape(checker, parts[0]);
    // Literal unions ('Ideal' | 'Good') and boolean (true | false) are one kind.
    const shapes = parts.map((t) => tsShape(checker, t));
    const kinds = [...new Set(shapes.map((s) => s.kind))];
    return kinds.length === 1 ? shapes[0] : { kind: 'any', kinds };
  }
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { kind: 'any' };
  if (type.flags & ts.TypeFlags.NumberLike) return { kind: 'number' };
  if (type.flags & ts.TypeFlags.StringLike) return { kind: 'string' };
  if (type.flags & ts.TypeFlags.BooleanLike) return { kind: 'boolean' };
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    const [element] = checker.getTypeArguments(type as ts.TypeReference);
    return { kind: 'array', element: element ? tsShape(checker, element) : { kind: 'any' } };
  }
  const name = type.aliasSymbol?.name ?? type.getSymbol()?.name;
  return { kind: 'object', name: name && name !== '__type' && name !== '__object' ? name : undefined };
}

/** Exported interfaces and type aliases of every component source, by name. */
function loadTypeScript(root: string): Map<string, TsViewModel[]> {
  const lwc = path.join(root, 'force-app', 'main', 'default', 'lwc');
  const files = walk(lwc, (f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !/[/\\]__tests__[/\\]/.test(f));
  // Only files that export a type are roots; what they import comes along.
  const roots = files.filter((f) => /^export\s+(?:interface|type)\s/m.test(fs.readFileSync(f, 'utf8')));
  const bundles = [...new Set(files.map((f) => path.basename(path.dirname(f))))];
  const program = ts.createProgram(roots, {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    // No @types packages (node, jest): the components use none, and loading them triples the time.
    types: [],
    lib: ['lib.es2023.d.ts'],
    baseUrl: lwc,
    // `c/<bundle>` is the bundle's own .ts, as the platform resolves it.
    paths: Object.fromEntries(bundles.map((b) => [`c/${b}`, [`${b}/${b}.ts`]]))
  });
  const checker = program.getTypeChecker();
  const byName = new Map<string, TsViewModel[]>();
  for (const file of roots) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    for (const statement of source.statements) {
      if (!ts.isInterfaceDeclaration(statement) && !ts.isTypeAliasDeclaration(statement)) continue;
      if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      const type = checker.getTypeAtLocation(statement.name);
      const properties = new Map<string, { shape: TsShape; line: number }>();
      for (const property of checker.getPropertiesOfType(type)) {
        const declaration = property.valueDeclaration ?? property.declarations?.[0];
        if (!declaration) continue;
        properties.set(property.name, {
          shape: tsShape(checker, checker.getTypeOfSymbolAtLocation(property, declaration)),
          line: declaration.getSourceFile().getLineAndCharacterOfPosition(declaration.getStart()).line + 1
        });
      }
      const name = statement.name.text;
      const line = source.getLineAndCharacterOfPosition(statement.getStart()).line + 1;
      byName.set(name, [...(byName.get(name) ?? []), { name, file, line, properties }]);
    }
  }
  return byName;
}

function describeShape(shape: TsShape | ApexShape): string {
  if (shape.kind === 'array') return `${describeShape(shape.element ?? { kind: 'any' })}[]`;
  const name = 'dto' in shape ? shape.dto : 'name' in shape ? shape.name : undefined;
  return name ?? shape.kind;
}

/** Why the TypeScript side cannot hold what the Apex field sends, or undefined when it can. */
function mismatch(apex: ApexShape, have: TsShape): string | undefined {
  if (apex.kind === 'any' || have.kind === 'any') {
    if (have.kinds && apex.kind !== 'any' && !have.kinds.includes(apex.kind)) return 'a union without that kind';
    return undefined;
  }
  if (apex.kind !== have.kind) return `${describeShape(have)}`;
  if (apex.kind === 'array') return mismatch(apex.element ?? { kind: 'any' }, have.element ?? { kind: 'any' });
  if (apex.dto && have.name !== apex.dto)
    return `${have.name ?? 'an anonymous object'} (a DTO field needs the type ${apex.dto})`;
  return undefined;
}

export function checkViewModels(root: string, units: ApexUnit[]): Finding[] {
  const dtos: Array<{ dto: ApexDto; unit: ApexUnit }> = units
    .filter((unit) => !unit.isTest && !unit.errors.length)
    .flatMap((unit) => unit.dtos.map((dto) => ({ dto, unit })));
  if (!dtos.length) return [];
  const simpleNames = new Set(dtos.map(({ dto }) => dto.name.split('.').pop() as string));
  const types = loadTypeScript(root);
  const findings: Finding[] = [];
  for (const { dto, unit } of dtos) {
    const file = relativeTo(root, unit.file);
    const name = dto.name.split('.').pop() as string;
    const candidates = types.get(name) ?? [];
    const finding = (line: number, element: string, message: string, at = file): void =>
      void findings.push({ check: 'view-models', file: at, line, element, message });
    if (!candidates.length) {
      finding(dto.line, dto.name, `view-model class ${name} has no exported TypeScript type named ${name} under lwc/`);
      continue;
    }
    if (candidates.length > 1) {
      const where = candidates.map((c) => relativeTo(root, c.file)).join(', ');
      finding(dto.line, dto.name, `view-model class ${name} matches several TypeScript types (${where}): name one`);
      continue;
    }
    const ts = candidates[0];
    const tsFile = relativeTo(root, ts.file);
    for (const field of dto.fields) {
      const property = ts.properties.get(field.name);
      if (!property) {
        finding(
          field.line,
          `${name}.${field.name}`,
          `@AuraEnabled field ${field.name} is not in the TypeScript type ${name} (${tsFile}:${ts.line}): the component cannot read it`
        );
        continue;
      }
      const wrong = mismatch(apexShape(field.type, simpleNames), property.shape);
      if (wrong) {
        finding(
          field.line,
          `${name}.${field.name}`,
          `${field.type} ${field.name} is ${wrong} in the TypeScript type ${name} (${tsFile}:${property.line})`
        );
      }
    }
    const sent = new Set(dto.fields.map((f) => f.name));
    for (const [property, { line }] of ts.properties) {
      if (sent.has(property)) continue;
      finding(
        line,
        `${name}.${property}`,
        `${name}.${property} is declared in TypeScript, but the Apex class ${dto.name} (${file}:${dto.line}) sends no @AuraEnabled field ${property}: it is always undefined`,
        tsFile
      );
    }
  }
  return findings;
}
