// Small shared pieces of the interface.
export function Problem({ error, errors }) {
  if (!error) return null;
  const list = errors !== undefined ? errors : error.errors || [];
  return (
    <div className="notice error" role="alert" data-testid="problem">
      <strong>{error.status ? `${error.status} · ` : ''}</strong>
      {error.message}
      {list.length ? (
        <ul>
          {list.map((e, i) => (
            <li key={i}>
              {e.path ? <code>{e.path}</code> : null} {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function formatValue(v) {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    // Lists read as lists: titles of expanded references, texts of objects.
    if (v.every((x) => x === null || typeof x !== 'object' || label(x))) return v.map((x) => (x && typeof x === 'object' ? label(x) : formatValue(x))).join(', ');
    return `${v.length} item${v.length === 1 ? '' : 's'}`;
  }
  return label(v) || JSON.stringify(v);
}

// label is what an object is called: an expanded document's title, or the
// first text field that names it.
function label(o) {
  for (const f of ['title', 'name', 'label', 'text', 'code', 'id']) if (typeof o[f] === 'string' && o[f]) return o[f];
  return '';
}

// humanize makes a field name readable: passingScore, time_limit -> Passing score, Time limit.
export function humanize(name) {
  const words = String(name)
    .replace(/^_+/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : String(name);
}

export function when(ts) {
  if (!ts) return '';
  const d = new Date(ts);
  if (isNaN(d)) return ts;
  return d.toISOString().replace('T', ' ').slice(0, 19);
}
