// What the preview server accepts before any route runs. It listens on 127.0.0.1 and holds a local org token, so a
// web page the developer happens to visit must not be able to drive it: a DNS-rebound name (any Host but the loopback
// one) is refused, a request from another origin is refused, API writes must be JSON (a cross-origin form or
// text/plain POST cannot be), and request bodies are bounded.
import type http from 'node:http';

/** The largest request body the preview takes: a record form is a few kilobytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface Refusal {
  status: number;
  message: string;
}

export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The Host values this server answers to: the loopback names with its own port. */
export function allowedHosts(port: number): Set<string> {
  return new Set(LOOPBACK_NAMES.map((name) => `${name}:${port}`));
}

/** Why the request must not be served, or undefined when it may be. */
export function refusal(request: http.IncomingMessage, port: number): Refusal | undefined {
  const hosts = allowedHosts(port);
  const host = (request.headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) return { status: 403, message: `the preview answers only to ${[...hosts][0]}, not ${host}` };
  const origin = request.headers.origin;
  if (origin !== undefined && !hosts.has(origin.toLowerCase().replace(/^http:\/\//, ''))) {
    return { status: 403, message: `requests from ${origin} are not allowed` };
  }
  const method = (request.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const hasBody = request.headers['content-length'] !== undefined || request.headers['transfer-encoding'];
    if ((hasBody || method === 'POST') && type !== 'application/json') {
      return { status: 415, message: 'the preview API takes application/json only' };
    }
  }
  const length = Number(request.headers['content-length'] ?? 0);
  if (length > MAX_BODY_BYTES) return { status: 413, message: `request bodies are limited to ${MAX_BODY_BYTES} bytes` };
  return undefined;
}

/** The request body as JSON (an empty body is {}), refusing one that grows past the bound or does not parse. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- request bodies are checked by each handler
export async function readJsonBody(request: http.IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      // Stop reading; the answer closes the connection.
      request.pause();
      throw new RequestRefused(413, `request bodies are limited to ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RequestRefused(400, `the request body is not JSON: ${(error as Error).message}`);
  }
}
