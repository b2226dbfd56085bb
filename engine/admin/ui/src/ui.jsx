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
  return JSON.stringify(v);
}

export function when(ts) {
  if (!ts) return '';
  const d = new Date(ts);
  if (isNaN(d)) return ts;
  return d.toISOString().replace('T', ' ').slice(0, 19);
}
