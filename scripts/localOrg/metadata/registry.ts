// Where each metadata type lives in a metadata-format zip. Read from source-deploy-retrieve's own registry so the
// local org agrees with the tool that builds the zips (directory names, suffixes, bundles, meta files).
import { readFileSync } from 'node:fs';

export interface RegistryType {
  name: string;
  directoryName: string;
  suffix?: string;
  inFolder: boolean;
  adapter?: string;
  childNames: string[];
  /** A child type's element in this type's file, where the registry names it (CustomLabel: labels). */
  childElements: Record<string, string>;
}

interface RawType {
  name: string;
  directoryName?: string;
  suffix?: string;
  inFolder?: boolean;
  strategies?: { adapter?: string };
  children?: { types: Record<string, { name: string; xmlElementName?: string }> };
}

let byName: Map<string, RegistryType> | undefined;

function load(): Map<string, RegistryType> {
  if (byName) return byName;
  const path = require.resolve('@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json');
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { types: Record<string, RawType> };
  byName = new Map();
  for (const t of Object.values(raw.types)) {
    if (!t.directoryName) continue;
    byName.set(t.name, {
      name: t.name,
      directoryName: t.directoryName,
      suffix: t.suffix,
      inFolder: t.inFolder ?? false,
      adapter: t.strategies?.adapter,
      childNames: Object.values(t.children?.types ?? {}).map((c) => c.name),
      childElements: Object.fromEntries(
        Object.values(t.children?.types ?? {})
          .filter((c) => c.xmlElementName)
          .map((c) => [c.name, c.xmlElementName!])
      )
    });
  }
  return byName;
}

export function registryType(name: string): RegistryType | undefined {
  return load().get(name);
}

/** The type whose file holds a child type's components (CustomLabel lives in CustomLabels files). */
export function parentType(childName: string): RegistryType | undefined {
  return [...load().values()].find((t) => t.childNames.includes(childName));
}

export function allRegistryTypes(): RegistryType[] {
  return [...load().values()];
}

/** Types whose main file is content (a .cls, a .resource) described by a -meta.xml beside it. */
export function hasMetaFile(t: RegistryType): boolean {
  return t.adapter === 'matchingContentFile' || t.adapter === 'mixedContent';
}

export function isBundle(t: RegistryType): boolean {
  return t.adapter === 'bundle' || t.adapter === 'digitalExperience' || t.adapter === 'uiBundles';
}
