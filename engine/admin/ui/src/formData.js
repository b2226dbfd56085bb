// Helpers between documents and their forms, kept apart from the form
// renderer so that screens can use them before it loads.

// errorSchema turns the server's JSON Pointer errors into the nested error
// object the form shows on each field.
export function errorSchema(errors) {
  const root = {};
  for (const e of errors || []) {
    const parts = (e.path || '')
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node = root;
    for (const p of parts) node = node[p] = node[p] || {};
    (node.__errors = node.__errors || []).push(e.message);
  }
  return root;
}

// writable drops the fields the server computes.
export function writable(data, schema) {
  const out = {};
  const props = (schema && schema.properties) || {};
  for (const [k, v] of Object.entries(data || {})) {
    if (k === 'id' || k.startsWith('_')) continue;
    const p = props[k];
    if (p && (p['x-formula'] !== undefined || p['x-computed'] !== undefined)) continue;
    out[k] = v;
  }
  return out;
}

