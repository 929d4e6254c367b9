import type { z } from 'zod';
import type { ApiError, ErrorCode, FieldError } from '../../contracts/common';

// The one way the web talks to the API: same-origin JSON with the session cookie. The server
// refuses state-changing requests that are not application/json (QUALITY.md S10), so every
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

/** Sends one request to the API and returns the parsed body; failures throw ApiRequestError. */
export async function apiRequest<T = undefined>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  // Every state-changing call is JSON, a DELETE too: the server refuses anything else (S10).
  const hasBody = method !== 'GET';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: hasBody
        ? { 'Content-Type': 'application/json', Accept: 'application/json' }
        : { Accept: 'application/json' },
      body: hasBody ? JSON.stringify(options.body ?? {}) : undefined,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError(0, { code: 'unavailable', message: 'The server could not be reached' });
  }

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
