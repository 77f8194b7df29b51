// Metadata API retrieve: a zip, in metadata format, of what was deployed. Opaque components (classes, bundles,
// layouts, flexipages, permission sets, reports...) come back byte for byte as they were deployed; components the
// org keeps in metadata shape are written back as XML: a CustomObject file holds the object and its fields, rules,
// views and layouts (only the requested children when the object itself is not requested), CustomLabel and other
// child components go into their parent's file, custom metadata records into their .md file. A requested member the
// org does not have is a message ("Entity of type ... cannot be found"), as on the platform, not a failure.
import JSZip from 'jszip';
import { OBJECT_CHILDREN } from './deploy';
import { parentType, registryType } from './registry';
import type { MetadataState, StoredComponent } from './state';
import { escapeXml, isObject, list, objects, text, type XmlObject, type XmlValue } from './xml';

const NS = 'http://soap.sforce.com/2006/04/metadata';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XSD = 'http://www.w3.org/2001/XMLSchema';

export interface RetrieveRequest {
  apiVersion: string;
  singlePackage: boolean;
  types: Array<{ name: string; members: string[] }>;
}

export interface RetrieveFileProperties {
  fileName: string;
  fullName: string;
  type: string;
  id: string;
  createdDate: string;
  lastModifiedDate: string;
}

export interface RetrieveOutcome {
  zipFile: string;
  fileProperties: RetrieveFileProperties[];
  messages: Array<{ fileName: string; problem: string }>;
}

/** What the retrieve needs from the Metadata API: its stored components, and objects and fields read back whole. */
export interface RetrieveSource {
  state: MetadataState;
  /** A component in metadata shape, children included for a CustomObject (the readMetadata view); undefined if absent. */
  read(type: string, fullName: string): XmlObject | undefined;
  /** Names of every CustomObject the org has (deployed or standard). */
  objectNames(): string[];
}

/** The retrieveRequest element of a SOAP retrieve call. */
export function readRetrieveRequest(args: XmlObject): RetrieveRequest {
  // The WSDL names the element retrieveRequest; jsforce sends it as request.
  const raw = args.retrieveRequest ?? args.request;
  const request = isObject(raw) ? raw : {};
  const unpackaged = isObject(request.unpackaged) ? request.unpackaged : {};
  return {
    apiVersion: text(unpackaged.version) ?? text(request.apiVersion) ?? '',
    singlePackage: text(request.singlePackage) === 'true',
    types: objects(unpackaged.types).map((t) => ({
      name: text(t.name) ?? '',
      members: list(t.members).map((m) => text(m) ?? '')
    }))
  };
}

/** Pretty-printed XML, four spaces a level, as the platform writes retrieved files. */
function pretty(name: string, value: XmlValue | null | undefined, depth: number): string {
  const pad = '    '.repeat(depth);
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => pretty(name, v, depth)).join('');
  if (value === null) return `${pad}<${name} xsi:nil="true"/>\n`;
  if (typeof value === 'string') return `${pad}<${name}>${escapeXml(value)}</${name}>\n`;
  const entries = Object.entries(value);
  const attrs = entries
    .filter(([k]) => k.startsWith('@_'))
    .map(([k, v]) => ` ${k.slice(2)}="${escapeXml(String(v))}"`)
    .join('');
  const textValue = value['#text'];
  if (textValue !== undefined) return `${pad}<${name}${attrs}>${escapeXml(String(textValue))}</${name}>\n`;
  const children = entries.filter(([k]) => !k.startsWith('@_'));
  if (!children.length) return `${pad}<${name}${attrs}></${name}>\n`;
  return `${pad}<${name}${attrs}>\n${children.map(([k, v]) => pretty(k, v, depth + 1)).join('')}${pad}</${name}>\n`;
}

function xmlFile(root: string, body: XmlObject, withSchemaNamespaces = false): string {
  const { fullName: _fullName, ...rest } = body;
  void _fullName;
  const attrs: XmlObject = {
    '@_xmlns': NS,
    ...(withSchemaNamespaces ? { '@_xmlns:xsi': XSI, '@_xmlns:xsd': XSD } : {})
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${pretty(root, { ...attrs, ...rest }, 0)}`;
}

/** The element name a child type has in its parent's file (fields, labels, ...). */
function childElement(childType: string): string | undefined {
  const fromObject = Object.entries(OBJECT_CHILDREN).find(([, type]) => type === childType)?.[0];
  return fromObject ?? parentType(childType)?.childElements[childType];
}

export async function retrieveZip(source: RetrieveSource, request: RetrieveRequest): Promise<RetrieveOutcome> {
  const { state } = source;
  const root = request.singlePackage ? '' : 'unpackaged/';
  const files = new Map<string, Buffer | string>();
  const properties: RetrieveFileProperties[] = [];
  const messages: RetrieveOutcome['messages'] = [];
  /** Composite files (objects, labels) assembled from several components before they are written. */
  const composed = new Map<string, { root: string; own?: XmlObject; children: Map<string, Map<string, XmlObject>> }>();
  const property = (
    c: Pick<StoredComponent, 'type' | 'fullName' | 'id' | 'createdDate' | 'lastModifiedDate'>,
    fileName: string
  ): void => {
    properties.push({
      fileName: `${root}${fileName}`,
      fullName: c.fullName,
      type: c.type,
      id: c.id,
      createdDate: c.createdDate,
      lastModifiedDate: c.lastModifiedDate
    });
  };
  const epoch = new Date(0).toISOString();
  const notFound = (type: string, member: string): void => {
    messages.push({
      fileName: `${root}package.xml`,
      problem: `Entity of type '${type}' named '${member}' cannot be found`
    });
  };
  const composite = (path: string, rootElement: string): NonNullable<ReturnType<typeof composed.get>> => {
    let entry = composed.get(path);
    if (!entry) {
      entry = { root: rootElement, children: new Map() };
      composed.set(path, entry);
    }
    return entry;
  };
  const addChild = (path: string, rootElement: string, element: string, child: XmlObject): void => {
    const group = composite(path, rootElement).children;
    const byName = group.get(element) ?? new Map<string, XmlObject>();
    byName.set(text(child.fullName) ?? '', child);
    group.set(element, byName);
  };

  for (const { name: type, members } of request.types) {
    const stored = state.components[type] ?? {};
    const names = members.includes('*')
      ? type === 'CustomObject'
        ? [...new Set([...Object.keys(stored), ...source.objectNames().filter((n) => n.includes('__'))])]
        : Object.keys(stored)
      : members;
    for (const member of names) {
      const component = stored[member];
      if (type === 'CustomObject') {
        const object = source.read('CustomObject', member);
        if (!object) {
          notFound(type, member);
          continue;
        }
        const path = `objects/${member}.object`;
        const entry = composite(path, 'CustomObject');
        const own: XmlObject = {};
        for (const [key, value] of Object.entries(object)) {
          if (OBJECT_CHILDREN[key]) for (const child of objects(value)) addChild(path, 'CustomObject', key, child);
          else own[key] = value;
        }
        entry.own = own;
        property(component ?? { type, fullName: member, id: '', createdDate: epoch, lastModifiedDate: epoch }, path);
        continue;
      }
      const element = childElement(type);
      if (element) {
        // A child component goes into its parent's file: objects/X.object, labels/CustomLabels.labels.
        const parent = parentType(type);
        const inObject = Object.values(OBJECT_CHILDREN).includes(type);
        const [objectName, childName] = inObject
          ? [member.split('.')[0], member.split('.').slice(1).join('.')]
          : ['', member];
        const metadata = component?.metadata ?? (type === 'CustomField' ? source.read(type, member) : undefined);
        if (!metadata || !parent) {
          notFound(type, member);
          continue;
        }
        const path = inObject
          ? `objects/${objectName}.object`
          : (component?.fileName ?? `${parent.directoryName}/${parent.name}.${parent.suffix ?? ''}`);
        addChild(path, inObject ? 'CustomObject' : parent.name, element, { ...metadata, fullName: childName });
        property(component ?? { type, fullName: member, id: '', createdDate: epoch, lastModifiedDate: epoch }, path);
        continue;
      }
      if (!component) {
        notFound(type, member);
        continue;
      }
      if (component.files && Object.keys(component.files).length) {
        for (const [path, base64] of Object.entries(component.files)) files.set(path, Buffer.from(base64, 'base64'));
        property(component, component.fileName);
        continue;
      }
      files.set(
        component.fileName,
        xmlFile(registryType(type)?.name ?? type, component.metadata, type === 'CustomMetadata')
      );
      property(component, component.fileName);
    }
  }

  for (const [path, entry] of composed) {
    const body: XmlObject = { ...(entry.own ?? {}) };
    for (const [element, byName] of entry.children) body[element] = [...byName.values()];
    files.set(path, xmlFile(entry.root, body));
  }

  const zip = new JSZip();
  for (const [path, content] of files) zip.file(`${root}${path}`, content);
  zip.file(`${root}package.xml`, packageXml(request));
  properties.push({
    fileName: `${root}package.xml`,
    fullName: `${root}package.xml`,
    type: 'Package',
    id: '',
    createdDate: epoch,
    lastModifiedDate: epoch
  });
  const zipFile = await zip.generateAsync({ type: 'base64', compression: 'DEFLATE' });
  return { zipFile, fileProperties: properties, messages };
}

function packageXml(request: RetrieveRequest): string {
  return xmlFile('Package', {
    types: request.types.map((t) => ({ members: t.members, name: t.name })),
    version: request.apiVersion
  } as unknown as XmlObject);
}
