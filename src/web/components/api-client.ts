import type { z } from 'zod';
import type { ApiError, ErrorCode, FieldError } from '../../contracts/common';

// The one way the web talks to the API: same-origin JSON with the session cookie. The server
// refuses state-changing requests that are not application/json (docs/quality.md S10), so every
// write sends a JSON body, `{}` when there is nothing to say.

export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: ApiError['details'];

  constructor(status: number, body: ApiError) {
    super(body.message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }

  get fieldErrors(): FieldError[] {
    return this.details?.fields ?? [];
  }
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiRequestError {
  return error instanceof ApiRequestError && (code === undefined || error.code === code);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

type RequestOptions<T> = {
  method?: Method;
  body?: unknown;
  /** Parses the response with the contract; without it the body is returned as is (or undefined). */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
  /**
   * A create: sent with an Idempotency-Key (decision 018), so a double click or a retry after a
   * lost answer creates once. The request is sent again by itself when the network fails.
   */
  isCreate?: boolean;
};

const knownCodes: readonly string[] = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rule_violated',
  'rate_limited',
  'internal',
  'unavailable',
];

function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'code' in body && knownCodes.includes(String(body.code))) {
    return body as ApiError;
  }
  const code: ErrorCode = status === 404 ? 'not_found' : status >= 500 ? 'internal' : 'invalid_input';
  return { code, message: `HTTP ${status}` };
}

/** The key of each create still waiting for an answer, by what it asks; see `keyFor`. */
const pendingCreateKeys = new Map<string, string>();

/** Waits before a create is sent again after the network failed: twice, then the user decides. */
export const createRetryDelaysMs = [300, 1500];

/** A random key of 32 hex characters; `getRandomValues` works on plain http too, unlike randomUUID. */
function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The same create (path and body) gets the same key until the server has answered it: a double
 * click, and a submit again after "the server could not be reached", are then one create. Once it
 * has answered, the next create with the same fields is a new one with a new key.
 */
function keyFor(signature: string): string {
  const key = pendingCreateKeys.get(signature) ?? newIdempotencyKey();
  pendingCreateKeys.set(signature, key);
  return key;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The browser's fetch; while the server draws a page it hands its requests to its own API instead
 * (decision 052), with the visitor's cookie, so what the page shows passes the same access checks. */
let send: typeof fetch = (input, init) => fetch(input, init);

export function sendApiRequestsWith(sender: typeof fetch): void {
  send = sender;
}

/** Sends one request to the API and returns the parsed body; failures throw ApiRequestError. */
export async function apiRequest<T = undefined>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  // Every state-changing call is JSON, a DELETE too: the server refuses anything else (S10).
  const hasBody = method !== 'GET';
  const payload = hasBody ? JSON.stringify(options.body ?? {}) : undefined;
  const signature = options.isCreate ? `${method} ${path} ${payload}` : undefined;
  const headers: Record<string, string> = hasBody
    ? { 'Content-Type': 'application/json', Accept: 'application/json' }
    : { Accept: 'application/json' };
  if (signature) headers['Idempotency-Key'] = keyFor(signature);
  let response: Response | undefined;
  for (let attempt = 0; !response; attempt += 1) {
    try {
      response = await send(path, {
        method,
        credentials: 'same-origin',
        headers,
        body: payload,
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      // Only a create is safe to send again: its key makes the server answer a repeat with the first result.
      const delay = signature ? createRetryDelaysMs[attempt] : undefined;
      if (delay === undefined) {
        throw new ApiRequestError(0, { code: 'unavailable', message: 'The server could not be reached' });
      }
      await wait(delay);
    }
  }
  // An answer that is not a server failure settles the create; after one, a new create gets a new key.
  if (signature && response.status < 500) pendingCreateKeys.delete(signature);

  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (!response.ok) throw new ApiRequestError(response.status, toApiError(response.status, body));
  if (options.schema) return options.schema.parse(body);
  return body as T;
}

/** Builds a query string from the defined, non-empty values. */
export function toQueryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
