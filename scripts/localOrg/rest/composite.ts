// Composite: up to 25 subrequests in one call, later ones reading earlier results through @{ref.path}, and with
// allOrNone the whole request rolls back when one subrequest fails.
import type { Store } from '../store';
import { ApiError, type ApiRequest, type ApiResponse } from './errors';

const MAX_SUBREQUESTS = 25;
const HALTED_ROLLBACK = 'The transaction was rolled back since another operation in the same transaction failed.';

interface Subrequest {
  method?: string;
  url?: string;
  referenceId?: string;
  body?: unknown;
}

export interface SubResponse {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

/** Resolves @{ref.path} in a URL or body; a string that is one whole reference takes the value's own type. */
function resolveReferences(value: unknown, results: Map<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^@\{([^}]+)\}$/.exec(value);
    if (whole) return lookupReference(whole[1], results);
    return value.replace(/@\{([^}]+)\}/g, (_, ref: string) => String(lookupReference(ref, results)));
  }
  if (Array.isArray(value)) return value.map((v) => resolveReferences(v, results));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveReferences(v, results)]));
  }
  return value;
}

class ReferenceError extends Error {}

function lookupReference(reference: string, results: Map<string, unknown>): unknown {
  const [refId, ...path] = reference.split('.');
  if (!results.has(refId))
    throw new ReferenceError(`Invalid reference specified. No value for ${reference} found in ${refId}.`);
  let current: unknown = results.get(refId);
  for (const part of path) {
    const steps = part.match(/[^[\]]+/g) ?? [];
    for (const step of steps) {
      current = current && typeof current === 'object' ? (current as Record<string, unknown>)[step] : undefined;
    }
  }
  if (current === undefined) {
    throw new ReferenceError(`Invalid reference specified. No value for ${reference} found in ${refId}.`);
  }
  return current;
}

export function composite(
  store: Store,
  request: ApiRequest,
  dispatch: (sub: Omit<ApiRequest, 'access'>) => ApiResponse
): ApiResponse {
  const body = (request.body ?? {}) as { allOrNone?: boolean; compositeRequest?: Subrequest[] };
  const subrequests = body.compositeRequest;
  if (!Array.isArray(subrequests) || subrequests.length === 0) {
    throw new ApiError(400, 'JSON_PARSER_ERROR', 'compositeRequest must be a non-empty array');
  }
  if (subrequests.length > MAX_SUBREQUESTS) {
    throw new ApiError(
      400,
      'LIMIT_EXCEEDED',
      `Limit Exceeded. The number of subrequests is limited to ${MAX_SUBREQUESTS}.`
    );
  }
  const allOrNone = body.allOrNone === true;
  const tx = allOrNone ? store.begin() : undefined;
  const results = new Map<string, unknown>();
  const responses: SubResponse[] = [];
  let failedAt = -1;
  for (let i = 0; i < subrequests.length; i++) {
    const sub = subrequests[i];
    const referenceId = sub.referenceId ?? `ref${i}`;
    let response: ApiResponse;
    try {
      const url = String(resolveReferences(sub.url ?? '', results));
      const parsed = new URL(url, 'http://localhost');
      const match = /^\/services\/data\/v(\d+\.\d+)(\/.*)?$/.exec(parsed.pathname.replace(/\/{2,}/g, '/'));
      if (!match) throw new ApiError(400, 'INVALID_API_INPUT', `Invalid subrequest URL: ${url}`);
      response = dispatch({
        method: (sub.method ?? 'GET').toUpperCase(),
        path: match[2] ?? '/',
        query: parsed.searchParams,
        body: resolveReferences(sub.body, results),
        version: match[1]
      });
    } catch (error) {
      if (error instanceof ReferenceError) {
        response = { status: 400, body: [{ errorCode: 'PROCESSING_HALTED', message: error.message }] };
      } else if (error instanceof ApiError) {
        response = { status: error.status, body: error.body() };
      } else throw error;
    }
    responses.push({
      body: response.body ?? null,
      httpHeaders: response.headers ?? {},
      httpStatusCode: response.status,
      referenceId
    });
    if (response.status < 400) results.set(referenceId, response.body);
    if (response.status >= 400 && allOrNone) {
      failedAt = i;
      break;
    }
  }
  if (tx && failedAt >= 0) {
    tx.rollback();
    const halted = (referenceId: string): SubResponse => ({
      body: [{ errorCode: 'PROCESSING_HALTED', message: HALTED_ROLLBACK }],
      httpHeaders: {},
      httpStatusCode: 400,
      referenceId
    });
    const all = subrequests.map((sub, i) => (i === failedAt ? responses[i] : halted(sub.referenceId ?? `ref${i}`)));
    return { status: 200, body: { compositeResponse: all } };
  }
  tx?.commit();
  return { status: 200, body: { compositeResponse: responses } };
}
