// The sObject Collections pieces every write path shares (seed's composite writer and its Bulk API fallback, score's
// writer): up to 200 records a collection, up to five collections in one composite request, and a failed one read once.
export const COLLECTION_SIZE = 200;
export const COLLECTIONS_PER_CALL = 5;

/** A collection subrequest that failed as a whole: its first error, or its HTTP status when it has none. */
export function subrequestError(
  body: unknown,
  status: number | undefined
): { statusCode: string; message: string; fields?: string[] } {
  const first = Array.isArray(body)
    ? (body[0] as { errorCode?: string; message?: string; fields?: string[] } | undefined)
    : undefined;
  return {
    statusCode: first?.errorCode ?? `HTTP_${status ?? 'NO_RESPONSE'}`,
    message: first?.message ?? 'the collection request failed',
    fields: first?.fields
  };
}
