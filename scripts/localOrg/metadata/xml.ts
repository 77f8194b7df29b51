// XML in and out of the Metadata API: SOAP envelopes, metadata component files, and the response serializer.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A parsed XML element: text, or an object of child elements (arrays when repeated) and `@_` attributes. */
export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject {
  [key: string]: XmlValue | undefined;
}

// Elements that repeat in CustomObject, CustomField, CustomMetadata and package.xml files. Always arrays, so a
// package with one field looks like a package with ten.
const REPEATED = new Set([
  'fields',
  'validationRules',
  'listViews',
  'compactLayouts',
  'webLinks',
  'recordTypes',
  'fieldSets',
  'businessProcesses',
  'sharingReasons',
  'indexes',
  'actionOverrides',
  'searchLayouts',
  'values',
  'types',
  'members',
  'queries',
  'fullNames',
  'columns',
  'filters',
  'valueSettings',
  'controllingFieldValue'
]);

const componentParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // `value` repeats inside a picklist's valueSetDefinition, but is a single typed value in a custom metadata record.
  isArray: (name, jpath) => (name === 'value' ? String(jpath).endsWith('valueSetDefinition.value') : REPEATED.has(name))
});

const soapParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'queries' || name === 'fullNames'
});

export interface XmlProblem {
  message: string;
  line?: number;
  column?: number;
}

/** Validates then parses a metadata file; returns the problem (with line and column) when it is malformed. */
export function parseMetadataXml(xml: string): { root: string; body: XmlObject } | XmlProblem {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return { message: valid.err.msg, line: valid.err.line, column: valid.err.col };
  }
  const doc = componentParser.parse(xml) as XmlObject;
  const root = Object.keys(doc).find((k) => !k.startsWith('?'));
  if (!root) return { message: 'The file has no root element' };
  const body = doc[root];
  return { root, body: isObject(body) ? body : {} };
}

export function parseSoap(xml: string): XmlObject | undefined {
  if (XMLValidator.validate(xml) !== true) return undefined;
  return soapParser.parse(xml) as XmlObject;
}

export function isObject(value: unknown): value is XmlObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of an element (the `#text` of one that has attributes); undefined when absent. */
export function text(value: XmlValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return text(value[0]);
  const t = value['#text'];
  return typeof t === 'string' ? t : t === undefined ? '' : text(t);
}

export function list(value: XmlValue | undefined): XmlValue[] {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

export function objects(value: XmlValue | undefined): XmlObject[] {
  return list(value).filter(isObject);
}

export function bool(value: XmlValue | undefined): boolean | undefined {
  const t = text(value);
  return t === undefined ? undefined : t === 'true';
}

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Serializes a value as elements named `name`: arrays repeat the element, `@_x` keys become attributes. */
export function toXml(name: string, value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => toXml(name, v)).join('');
  if (value === null) return `<${name} xsi:nil="true"/>`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const attrs = entries
      .filter(([k]) => k.startsWith('@_'))
      .map(([k, v]) => ` ${k.slice(2)}="${escapeXml(String(v))}"`)
      .join('');
    const textValue = (value as Record<string, unknown>)['#text'];
    const inner =
      textValue !== undefined
        ? escapeXml(String(textValue))
        : entries
            .filter(([k]) => !k.startsWith('@_'))
            .map(([k, v]) => toXml(k, v))
            .join('');
    return `<${name}${attrs}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}
