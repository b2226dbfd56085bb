// The REST client: every call the UI makes goes through here, to the public
// API only, with the API key from session storage as a bearer token.

const KEY = 'credence.key';
const SIGNED_IN = 'credence.signedIn';
const REFRESH = 'credence.refresh';

// session is the caller: an API key, or an account's access token with the
// refresh token that renews it (both kept for this tab only).
export const session = {
  key: () => sessionStorage.getItem(KEY) || '',
  refreshToken: () => sessionStorage.getItem(REFRESH) || '',
  signedIn: () => sessionStorage.getItem(SIGNED_IN) === '1',
  signIn(key, refresh) {
    sessionStorage.setItem(KEY, key);
    sessionStorage.setItem(SIGNED_IN, '1');
    if (refresh) sessionStorage.setItem(REFRESH, refresh);
    else sessionStorage.removeItem(REFRESH);
  },
  signOut() {
    const refresh = sessionStorage.getItem(REFRESH);
    if (refresh) fetch('/auth/signout', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken: refresh }) }).catch(() => {});
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(SIGNED_IN);
    sessionStorage.removeItem(REFRESH);
  },
};

// renew trades the refresh token for a new pair, once at a time.
let renewing = null;
async function renew() {
  const refresh = session.refreshToken();
  if (!refresh) return false;
  if (!renewing) {
    renewing = fetch('/auth/refresh', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken: refresh }) })
      .then(async (res) => {
        if (!res.ok) return false;
        const t = await res.json();
        session.signIn(t.accessToken, t.refreshToken);
        return true;
      })
      .catch(() => false)
      .finally(() => {
        renewing = null;
      });
  }
  return renewing;
}

// signInWithPassword signs an account in: its tokens, or an ApiError.
export async function signInWithPassword(email, password) {
  const { data } = await request('POST', '/auth/signin', { body: { email, password }, key: '' });
  return data;
}

// takeTokensFromFragment signs in with the tokens a single sign-on left in
// the address (#access_token=...&refresh_token=...), and clears them.
export function takeTokensFromFragment() {
  const f = new URLSearchParams(window.location.hash.slice(1));
  const access = f.get('access_token');
  if (!access) return false;
  session.signIn(access, f.get('refresh_token'));
  history.replaceState(null, '', window.location.pathname + window.location.search);
  return true;
}

// ApiError carries the problem+json document of a failed call.
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.errors = (problem && problem.errors) || [];
  }
}

let onUnauthorized = () => {};
export function setUnauthorizedHandler(f) {
  onUnauthorized = f;
}

export async function request(method, path, { body, query, headers = {}, contentType, key } = {}) {
  let url = path;
  if (query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
    }
    const s = q.toString();
    if (s) url += (url.includes('?') ? '&' : '?') + s;
  }
  const h = { Accept: 'application/json, application/problem+json', ...headers };
  const secret = key !== undefined ? key : session.key();
  if (secret) h.Authorization = `Bearer ${secret}`;
  let payload;
  if (body !== undefined) {
    h['Content-Type'] = contentType || 'application/json';
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  let res = await fetch(url, { method, headers: h, body: payload, cache: 'no-store' });
  if (res.status === 401 && key === undefined && (await renew())) {
    h.Authorization = `Bearer ${session.key()}`;
    res = await fetch(url, { method, headers: h, body: payload, cache: 'no-store' });
  }
  const text = await res.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { detail: text };
    }
  }
  if (!res.ok) {
    const err = new ApiError(res.status, data);
    if (res.status === 401 && key === undefined) onUnauthorized(err);
    throw err;
  }
  return { data, etag: res.headers.get('ETag'), status: res.status };
}

const enc = encodeURIComponent;

export const api = {
  schemas: (query) => request('GET', '/api/_schemas', { query: { limit: 1000, ...query } }).then((r) => r.data),
  schema: (name) => request('GET', `/api/_schemas/${enc(name)}`).then((r) => r.data),
  putSchema: (name, schema, query) => request('PUT', `/api/_schemas/${enc(name)}`, { body: schema, query }).then((r) => r.data),
  deleteSchema: (name, query) => request('DELETE', `/api/_schemas/${enc(name)}`, { query }),
  list: (coll, query) => request('GET', `/api/${enc(coll)}`, { query }).then((r) => r.data),
  get: (coll, id, query) => request('GET', `/api/${enc(coll)}/${enc(id)}`, { query }),
  create: (coll, doc) => request('POST', `/api/${enc(coll)}`, { body: doc }),
  put: (coll, id, doc, etag) =>
    request('PUT', `/api/${enc(coll)}/${enc(id)}`, { body: doc, headers: etag ? { 'If-Match': etag } : {} }),
  remove: (coll, id, query) => request('DELETE', `/api/${enc(coll)}/${enc(id)}`, { query }),
  revisions: (coll, id, query) => request('GET', `/api/${enc(coll)}/${enc(id)}/revisions`, { query }).then((r) => r.data),
  revision: (coll, id, rev) => request('GET', `/api/${enc(coll)}/${enc(id)}/revisions/${rev}`).then((r) => r.data),
  referrers: (coll, id, query) => request('GET', `/api/${enc(coll)}/${enc(id)}/referrers`, { query }).then((r) => r.data),
  action: (coll, id, action) => request('POST', `/api/${enc(coll)}/${enc(id)}/${action}`),
  evaluate: (req) => request('POST', '/api/_eval', { body: req }).then((r) => r.data),
};

// positionOf returns {line, column} of a formula error, from the problem's
// members or from the "line L, column C:" its messages start with.
export function positionOf(err) {
  const p = (err && err.problem) || {};
  if (p.line) return { line: p.line, column: p.column || 1 };
  for (const e of (err && err.errors) || []) {
    const m = /line (\d+), column (\d+)/.exec(e.message || '');
    if (m) return { line: +m[1], column: +m[2] };
  }
  return null;
}

// stripMeta returns a document without id and the meta fields, which the
// server owns.
export function stripMeta(doc) {
  const out = {};
  for (const [k, v] of Object.entries(doc || {})) {
    if (k !== 'id' && !k.startsWith('_')) out[k] = v;
  }
  return out;
}

// displayName is what a document is called in lists and pickers.
export function displayName(doc, schema) {
  if (!doc) return '';
  const field = schema && typeof schema['x-title'] === 'string' ? schema['x-title'] : null;
  for (const f of [field, 'title', 'name', 'label', 'heading', 'text', 'code']) {
    if (f && typeof doc[f] === 'string' && doc[f]) return doc[f];
  }
  return doc.id;
}

// titleField is the field a reference picker searches.
export function titleField(schema) {
  const props = (schema && schema.properties) || {};
  if (schema && typeof schema['x-title'] === 'string' && props[schema['x-title']]) return schema['x-title'];
  for (const f of ['title', 'name', 'label', 'heading', 'text', 'code']) if (props[f] && props[f].type === 'string') return f;
  return Object.keys(props).find((k) => props[k].type === 'string') || null;
}
