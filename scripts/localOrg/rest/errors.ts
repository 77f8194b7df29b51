// Error bodies in Salesforce's REST shape: an array of {message, errorCode, fields}.

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

export interface ApiRequest {
  method: string;
  /** Path under the version root, e.g. /sobjects/Account/001... */
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** API version without the v, e.g. 66.0 */
  version: string;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
