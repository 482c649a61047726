// Every error the API returns, in one place (outline's habit): a stable code, the HTTP status it
// goes out with, and the one body shape `{error: {code, message}}`. Clients switch on the code;
// the message is for people and may change.
import { OvertureError } from '../core/errors.js';

export const API_ERROR_STATUS = {
  'invalid-option': 400,
  'invalid-input': 400,
  'unsafe-url': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'misdirected-request': 421,
  'invalid-codebook': 500,
  'store-failed': 500,
  internal: 500,
  'fetch-failed': 502,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;
export type ApiErrorStatus = (typeof API_ERROR_STATUS)[ApiErrorCode];

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string };
}

/** An error a route throws on purpose; `app.onError` turns it into the JSON body. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'ApiError';
  }
}

/**
 * The status and body for anything a route threw. OvertureErrors keep their code (the CLI maps
 * the same codes to exit codes); anything else is a bug and is reported without its details, so
 * that a stack trace or a SQL fragment never reaches a client.
 */
export function errorResponse(error: unknown): { status: ApiErrorStatus; body: ApiErrorBody } {
  if (error instanceof ApiError || error instanceof OvertureError) {
    const code = error.code;
    if (code === 'store-failed') {
      return { status: 500, body: { error: { code, message: 'the store refused the query' } } };
    }
    return { status: API_ERROR_STATUS[code], body: { error: { code, message: error.message } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'internal error' } } };
}
