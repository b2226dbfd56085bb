// Pure helpers that edit a JSON Schema object without mutating it; the
// schema builder and the raw JSON tab share the one schema they produce.

export const KINDS = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'reference'];
export const FORMULA_KEYS = ['x-formula', 'x-computed', 'x-default'];

export function kindOf(prop) {
  if (!prop || typeof prop !== 'object') return 'string';
  if (prop['x-ref']) return 'reference';
  let t = prop.type;
  if (Array.isArray(t)) t = t.find((x) => x !== 'null');
  if (KINDS.includes(t)) return t;
  if (prop.properties) return 'object';
  if (prop.items) return 'array';
  return 'string';
}

const KEEP = ['title', 'description', 'x-private', 'x-ui', 'x-title'];

// withKind changes a property's kind, keeping what still applies.
export function withKind(prop, kind, collections) {
  const out = {};
  for (const k of KEEP) if (prop && prop[k] !== undefined) out[k] = prop[k];
  switch (kind) {
    case 'reference':
      return { ...out, type: 'string', 'x-ref': (collections && collections[0]) || '' };
    case 'array':
      return { ...out, type: 'array', items: { type: 'string' } };
    case 'object':
      return { ...out, type: 'object', properties: {} };
    default:
      return { ...out, type: kind };
  }
}

// set returns obj with key set to value, or without key when value is
// undefined, '' or an empty array.
export function set(obj, key, value) {
  const out = { ...obj };
  if (value === undefined || value === '' || value === null || (Array.isArray(value) && value.length === 0) || value === false) delete out[key];
  else out[key] = value;
  return out;
}

export function setProp(obj, name, prop) {
  return { ...obj, properties: { ...(obj.properties || {}), [name]: prop } };
}

export function renameProp(obj, from, to) {
  const props = {};
  for (const [k, v] of Object.entries(obj.properties || {})) props[k === from ? to : k] = v;
  const out = { ...obj, properties: props };
  if (Array.isArray(obj.required)) out.required = obj.required.map((r) => (r === from ? to : r));
  return out;
}

export function removeProp(obj, name) {
  const props = { ...(obj.properties || {}) };
  delete props[name];
  return set({ ...obj, properties: props }, 'required', (obj.required || []).filter((r) => r !== name));
}

export function moveProp(obj, name, delta) {
  const entries = Object.entries(obj.properties || {});
  const i = entries.findIndex(([k]) => k === name);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= entries.length) return obj;
  [entries[i], entries[j]] = [entries[j], entries[i]];
  return { ...obj, properties: Object.fromEntries(entries) };
}

export function setRequired(obj, name, on) {
  const req = (obj.required || []).filter((r) => r !== name);
  if (on) req.push(name);
  return set(obj, 'required', req);
}

export function freshName(obj, base = 'field') {
  const props = obj.properties || {};
  for (let i = 1; ; i++) if (!props[base + i]) return base + i;
}

// clean drops what the server owns from a stored schema document.
export function clean(doc) {
  const out = {};
  for (const [k, v] of Object.entries(doc || {})) if (k !== 'id' && !k.startsWith('_')) out[k] = v;
  return out;
}

// The server keeps a schema's properties as a JSON object, whose member
// order is not kept; the builder records the authors' order in the root's
// x-ui hint, and the forms follow it.
export function withOrder(schema) {
  const order = Object.keys(schema.properties || {});
  const ui = schema['x-ui'] && typeof schema['x-ui'] === 'object' && !Array.isArray(schema['x-ui']) ? schema['x-ui'] : {};
  if (!order.length && !ui.order) return schema;
  return { ...schema, 'x-ui': { ...ui, order } };
}

// ordered returns the schema with its properties in the recorded order.
export function ordered(schema) {
  const order = schema && schema['x-ui'] && Array.isArray(schema['x-ui'].order) ? schema['x-ui'].order : null;
  if (!order || !schema.properties) return schema;
  const rank = (k) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  const keys = Object.keys(schema.properties).sort((a, b) => rank(a) - rank(b));
  return { ...schema, properties: Object.fromEntries(keys.map((k) => [k, schema.properties[k]])) };
}
