// Preview binding of lightning/uiObjectInfoApi: getObjectInfo and getObjectInfos read the object's metadata through
// the preview server, as the user the preview runs as, in the UI API's ObjectInfo shape (fields keyed by API name,
// createable/updateable/deletable saying what this user may do).
import { previewCall, PreviewWireAdapter } from './previewApi';

interface PreviewField {
  apiName: string;
  label: string;
  dataType: string;
  required: boolean;
  createable: boolean;
  updateable: boolean;
  [key: string]: unknown;
}

interface PreviewObjectInfo {
  apiName: string;
  label: string;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  queryable: boolean;
  fields: PreviewField[];
  [key: string]: unknown;
}

type ObjectRef = string | { objectApiName: string };

const apiNameOf = (ref: ObjectRef | undefined): string | undefined =>
  typeof ref === 'string' ? ref : ref?.objectApiName;

async function objectInfo(apiName: string): Promise<unknown> {
  const body = (await previewCall('GET', `ui/object-info/${encodeURIComponent(apiName)}`)) as PreviewObjectInfo;
  return { ...body, fields: Object.fromEntries(body.fields.map((f) => [f.apiName, f])) };
}

/** Wire adapter: one object's ObjectInfo. */
export class getObjectInfo extends PreviewWireAdapter<{ objectApiName?: ObjectRef }> {
  load(config: { objectApiName?: ObjectRef }): Promise<unknown> | undefined {
    const apiName = apiNameOf(config?.objectApiName);
    return apiName ? objectInfo(apiName) : undefined;
  }
}

/** Wire adapter: several objects' ObjectInfo, as { results: [{ statusCode, result }] } in the order asked. */
export class getObjectInfos extends PreviewWireAdapter<{ objectApiNames?: ObjectRef[] }> {
  load(config: { objectApiNames?: ObjectRef[] }): Promise<unknown> | undefined {
    const names = (config?.objectApiNames ?? []).map(apiNameOf).filter((n): n is string => Boolean(n));
    if (!names.length) return undefined;
    return Promise.all(
      names.map((name) =>
        objectInfo(name).then(
          (result) => ({ statusCode: 200, result }),
          (error: { status?: number; body?: unknown }) => ({ statusCode: error.status ?? 500, result: error.body })
        )
      )
    ).then((results) => ({ results }));
  }
}
