// One reduceErrors for every error shape a Lightning component can receive, so every
// component shows failures the same way and none is swallowed.

/** UI API record errors: { body: { output: { errors: [...], fieldErrors: { Field: [...] } } } } */
interface UiApiOutput {
  errors?: Array<{ message?: string; errorCode?: string }>;
  fieldErrors?: Record<string, Array<{ message?: string; fieldLabel?: string; field?: string }>>;
}

/** The shapes seen in practice: FetchResponse (wire/Apex/LDS), JS Error, plain strings, arrays of those. */
export type ErrorLike =
  | string
  | Error
  | {
      body?:
        | {
            message?: string;
            output?: UiApiOutput;
            pageErrors?: Array<{ message?: string }>;
            fieldErrors?: UiApiOutput['fieldErrors'];
          }
        | Array<{ message?: string }>
        | string;
      message?: string;
      statusText?: string;
      detail?: unknown;
    }
  | null
  | undefined;

function fieldMessages(fieldErrors: UiApiOutput['fieldErrors'] | undefined): string[] {
  if (!fieldErrors) return [];
  const messages: string[] = [];
  for (const [field, errors] of Object.entries(fieldErrors)) {
    for (const error of errors ?? []) {
      if (error?.message) {
        const label = error.fieldLabel ?? field;
        messages.push(error.message.includes(label) ? error.message : `${label}: ${error.message}`);
      }
    }
  }
  return messages;
}

function messagesOf(error: ErrorLike): string[] {
  if (error === null || error === undefined) return [];
  if (typeof error === 'string') return error.trim() ? [error] : [];
  if (error instanceof Error) return [error.message || error.name];
  const body = error.body;
  if (Array.isArray(body)) {
    // Apex/REST errors arrive as an array of { message }.
    return body.map((entry) => entry?.message).filter((m): m is string => Boolean(m));
  }
  if (typeof body === 'string' && body.trim()) return [body];
  if (body && typeof body === 'object') {
    const output = body.output;
    const fromOutput = [
      ...(output?.errors ?? []).map((e) => e?.message).filter((m): m is string => Boolean(m)),
      ...fieldMessages(output?.fieldErrors)
    ];
    if (fromOutput.length) return fromOutput;
    const page = (body.pageErrors ?? []).map((e) => e?.message).filter((m): m is string => Boolean(m));
    const fields = fieldMessages(body.fieldErrors);
    if (page.length || fields.length) return [...page, ...fields];
    if (body.message) return [body.message];
  }
  if (typeof error.message === 'string' && error.message) return [error.message];
  if (typeof error.statusText === 'string' && error.statusText) return [error.statusText];
  return [];
}

/**
 * Reduces one or more errors into a list of distinct, human-readable messages.
 * An error with no readable message yields "Unknown error" rather than nothing, so it is never silent.
 */
export function reduceErrors(errors: ErrorLike | ErrorLike[]): string[] {
  const list = Array.isArray(errors) ? errors : [errors];
  const messages: string[] = [];
  for (const error of list) {
    const found = messagesOf(error);
    if (!found.length && error !== null && error !== undefined) found.push('Unknown error');
    for (const message of found) {
      if (!messages.includes(message)) messages.push(message);
    }
  }
  return messages;
}

/** What the user may do with an object's records, as Lightning Data Service's getObjectInfo says. */
export interface ObjectAccess {
  createable: boolean;
  updateable: boolean;
}

interface ObjectInfoLike {
  apiName?: string;
  createable?: boolean;
  updateable?: boolean;
}

/** Nothing until getObjectInfo has answered: a write action is offered only to a user known to be allowed it. */
export const NO_ACCESS: ObjectAccess = Object.freeze({ createable: false, updateable: false });

/** The access in one getObjectInfo answer (undefined while it loads, or when it failed). */
export function objectAccess(info: ObjectInfoLike | undefined): ObjectAccess {
  return { createable: info?.createable === true, updateable: info?.updateable === true };
}

/** The access per object API name in a getObjectInfos answer; an object that failed to load has none. */
export function objectAccessByName(
  infos: { results?: Array<{ statusCode: number; result?: ObjectInfoLike }> } | undefined
): Map<string, ObjectAccess> {
  const access = new Map<string, ObjectAccess>();
  for (const entry of infos?.results ?? []) {
    if (entry.statusCode === 200 && entry.result?.apiName) access.set(entry.result.apiName, objectAccess(entry.result));
  }
  return access;
}

interface ObjectInfoWithFields extends ObjectInfoLike {
  fields?: Record<string, { updateable?: boolean } | undefined>;
}

/**
 * Whether the user may edit every one of these fields of the object, as getObjectInfo says (field-level security
 * included): false until it has answered, and false when it failed.
 */
export function fieldsUpdateable(info: ObjectInfoWithFields | undefined, fieldApiNames: readonly string[]): boolean {
  if (info?.updateable !== true) return false;
  return fieldApiNames.every((name) => info.fields?.[name]?.updateable === true);
}

/** What a component shows of a save it makes itself: a button disabled while saving, and the last failure. */
export interface SaveState {
  saving: boolean;
  saveError: unknown;
}

/**
 * Runs one imperative save (updateRecord and the like) under the component's save state: `saving` while it runs,
 * the error kept when it fails (never thrown on); true once it has saved.
 */
export async function saveWithState(state: SaveState, write: () => Promise<unknown>): Promise<boolean> {
  state.saving = true;
  state.saveError = undefined;
  try {
    await write();
    return true;
  } catch (error) {
    state.saveError = error;
    return false;
  } finally {
    state.saving = false;
  }
}
