// The representative JSON API: same-origin fetch with the login cookie, the CSRF header on
// every state-changing request, and errors turned into exceptions that carry the server's code.

/** An API answer other than 2xx. */
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

/**
 * Calls the API; resolves to the parsed JSON body (null for 204).
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<any>}
 */
export async function api(method, path, body) {
  /** @type {Record<string, string>} */
  const headers = { accept: 'application/json' };
  if (method !== 'GET') headers['x-beckon-csrf'] = '1';
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check the connection and try again.');
  }
  if (response.status === 204) return null;
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    const err = data && data.error ? data.error : {};
    if (response.status === 401) notSignedIn();
    throw new ApiError(response.status, err.code || 'http_' + response.status, err.message || `Request failed (${response.status})`);
  }
  return data;
}

/** The login ended (expired or signed out elsewhere): show the sign-in form. */
function notSignedIn() {
  document.dispatchEvent(new CustomEvent('beckon:signed-out'));
}

export const get = (/** @type {string} */ path) => api('GET', path);
export const post = (/** @type {string} */ path, /** @type {unknown} */ body = {}) => api('POST', path, body);
export const put = (/** @type {string} */ path, /** @type {unknown} */ body) => api('PUT', path, body);
export const del = (/** @type {string} */ path) => api('DELETE', path);

/** @param {string} lsid */
export const sessionPath = (lsid) => `/api/rep/sessions/${encodeURIComponent(lsid)}`;

/** A message id for idempotent sends (works outside secure contexts too). */
export function randomId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
