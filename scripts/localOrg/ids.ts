// Salesforce record Ids: a 3-character key prefix per object, a 12-character body, and the 3-character
// case-safe suffix the platform appends to make 18-character Ids.

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
/** Instance and reserved characters between the key prefix and the counter, like a real pod's "5g0". */
const POD = '5g0';

/** The 3-character suffix of an 18-character Id: one character per 5-character chunk, a bit per upper-case letter. */
export function idSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) flags |= 1 << i;
    }
    suffix += SUFFIX_CHARS[flags];
  }
  return suffix;
}

/**
 * The counter-th Id of an object with the given key prefix, 18 characters. `pod` is what sits between the key prefix
 * and the counter (records use a pod's "5g0"; setup objects in the metadata API use "00"); the counter fills the rest.
 */
export function makeId(keyPrefix: string, counter: number, pod: string = POD): string {
  let body = '';
  let n = counter;
  for (let i = 0; i < 12 - pod.length; i++) {
    body = BASE62[n % 62] + body;
    n = Math.floor(n / 62);
  }
  return to18(keyPrefix + pod + body);
}

/** Adds the 3-character suffix that makes a 15-character Id case-insensitive (the platform's 18-character form). */
export function to18(id15: string): string {
  return id15 + idSuffix(id15);
}

const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** The 18-character form of a 15- or 18-character Id, or undefined when the text is not an Id. */
export function toId18(text: unknown): string | undefined {
  if (typeof text !== 'string' || !ID_PATTERN.test(text)) return undefined;
  const id18 = to18(text.slice(0, 15));
  if (text.length === 18 && text.slice(15).toUpperCase() !== id18.slice(15)) return undefined;
  return id18;
}
