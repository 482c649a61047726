// @ts-check
// Talks to /api/v1 on the same origin (the CSP allows nothing else). A server that listens beyond
// loopback wants a bearer token for reads too; the user types it once per tab and it is kept in
// sessionStorage — never in the URL, where it would end up in history and logs.

const TOKEN_KEY = 'overture.token';

export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   */
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** @returns {string | null} */
export function storedToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** @param {string | null} token */
export function storeToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage refused (private mode): the token lasts until the page is closed.
  }
}

/**
 * GET /api/v1{path} with query parameters (arrays repeat the name; empty values are left out).
 * @param {string} path
 * @param {Record<string, string | number | readonly string[] | null | undefined>} [params]
 * @returns {Promise<any>}
 */
export async function api(path, params = {}) {
  const url = new URL(`/api/v1${path}`, window.location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(name, item);
    else url.searchParams.set(name, String(value));
  }
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json' };
  const token = storedToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(url, { headers, credentials: 'same-origin', cache: 'no-store' });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(
      response.status,
      body?.error?.code ?? 'http',
      body?.error?.message ?? response.statusText,
    );
  }
  return body;
}
