// Salesforce-shaped record ids: a 3-character key prefix, a counter, and the 3-character case-safe suffix.

const SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Adds the 3-character suffix that makes a 15-character id case-insensitive (the platform's 18-character form). */
export function to18(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15[block * 5 + i];
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_CHARS[bits];
  }
  return id15 + suffix;
}

/** An 18-character id with the given key prefix; `sequence` makes it unique within that prefix. */
export function makeId(keyPrefix: string, sequence: number): string {
  let body = '';
  let n = sequence;
  for (let i = 0; i < 10; i++) {
    body = BASE62[n % 62] + body;
    n = Math.floor(n / 62);
  }
  // Characters 4 and 5 are the instance and reserved digits on the platform.
  return to18(`${keyPrefix}00${body}`);
}

/** Key prefixes of the setup objects behind each metadata type (FileProperties.id). */
export const TYPE_KEY_PREFIX: Record<string, string> = {
  AsyncResult: '0Af',
  CustomObject: '01I',
  CustomField: '00N',
  ValidationRule: '03d',
  ListView: '00B',
  CompactLayout: '0AH',
  ApexClass: '01p',
  ApexTrigger: '01q',
  ApexPage: '066',
  LightningComponentBundle: '0Rb',
  AuraDefinitionBundle: '0Ab',
  PermissionSet: '0PS',
  PermissionSetGroup: '0PG',
  CustomApplication: '02u',
  CustomTab: '01r',
  Layout: '00h',
  FlexiPage: '0M0',
  CustomLabel: '101',
  CustomLabels: '101',
  StaticResource: '081',
  GlobalValueSet: '0Nt',
  CustomMetadata: 'm00'
};
