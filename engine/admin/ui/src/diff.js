// A field-level diff of two documents: every leaf by its JSON Pointer.

function flatten(v, prefix, out) {
  if (v && typeof v === 'object' && !(Array.isArray(v) && v.length === 0) && Object.keys(v).length) {
    for (const [k, x] of Object.entries(v)) flatten(x, `${prefix}/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
  } else {
    out[prefix || '/'] = v;
  }
  return out;
}

// diff lists {path, before, after, change} for the paths that differ,
// ignoring meta fields.
export function diff(before, after) {
  const strip = (d) => Object.fromEntries(Object.entries(d || {}).filter(([k]) => !k.startsWith('_')));
  const a = flatten(strip(before), '', {});
  const b = flatten(strip(after), '', {});
  const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const rows = [];
  for (const p of paths) {
    const x = JSON.stringify(a[p]);
    const y = JSON.stringify(b[p]);
    if (x === y) continue;
    rows.push({ path: p, before: a[p], after: b[p], change: !(p in a) ? 'added' : !(p in b) ? 'removed' : 'changed' });
  }
  return rows;
}
