// The sObject Collections sizes every write path shares (seed's composite writer and its Bulk API fallback, score's
// writer): up to 200 records a collection, up to five collections in one composite request.
export const COLLECTION_SIZE = 200;
export const COLLECTIONS_PER_CALL = 5;
