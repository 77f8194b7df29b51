// Error bodies in Salesforce's REST shape: an array of {message, errorCode, fields}.
import type { UserAccess } from '../access/userAccess';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields: string[] = []
  ) {
    super(message);
  }

  body(): Array<{ message: string; errorCode: string; fields: string[] }> {
    return [{ message: this.message, errorCode: this.errorCode, fields: this.fields }];
  }
}

export const notFound = (message = 'The requested resource does not exist'): ApiError =>
  new ApiError(404, 'NOT_FOUND', message);

/** 405 for a method the resource does not answer; `allowed` lists the ones it does, as the platform's message does. */
export const methodNotAllowed = (method: string, allowed: string): ApiError =>
  new ApiError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are ${allowed}`);

export interface ApiRequest {
  method: string;
  /** Path under the version root, e.g. /sobjects/Account/001... */
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** API version without the v, e.g. 66.0 */
  version: string;
  /** The calling user's access: every read and write is checked against it. */
  access: UserAccess;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  /** A text/csv answer (Bulk API 2.0 results) instead of JSON. */
  csv?: string;
  headers?: Record<string, string>;
}

/** One record a write is about to touch, as record-scoped fault injection sees it. */
export interface RecordTarget {
  /** Object API name as the schema spells it. */
  object: string;
  /** The record's Id, for updates and deletes (as the client sent it). */
  id?: string;
  /** The external ID values the write names: the upsert key and any external ID field in the body. */
  externalIds: string[];
}

/** Asked before each record is written; an answer fails that record alone with the given per-record error. */
export type RecordFaultHook = (
  target: RecordTarget
) => { statusCode: string; message: string; fields: string[] } | undefined;
