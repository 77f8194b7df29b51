// Ids of setup objects (the FileProperties.id the metadata API answers): the record Id helper with the metadata
// API's instance and reserved digits "00" after the key prefix.

import { makeId } from '../ids';

/** The 18-character id of the `sequence`-th setup object behind a metadata type ("000" for a type without a prefix). */
export function makeSetupId(type: string, sequence: number): string {
  return makeId(TYPE_KEY_PREFIX[type] ?? '000', sequence, '00');
}

/** Key prefixes of the setup objects behind each metadata type (FileProperties.id). */
const TYPE_KEY_PREFIX: Record<string, string> = {
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
