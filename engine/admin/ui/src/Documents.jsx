// The documents of a collection: a table with sort, a formula filter,
// cursor paging and a choice of columns.
import { useEffect, useMemo, useState } from 'react';
import { useLive } from './live.js';
import { api, positionOf, titleField } from './api.js';
import { useSchema } from './collections.js';
import { Link, navigate } from './router.jsx';
import CodeEditor from './CodeEditor.jsx';
import { Problem, formatValue, humanize, when } from './ui.jsx';
import { ordered } from './schemaEdit.js';

const META = ['id', '_status', '_rev', '_createdAt', '_updatedAt', '_createdBy'];
const MESSAGE_COLUMNS = ['status', 'error', 'attempts'];

// defaultColumns: the title-like field first, then the author's first
// fields that read in a cell (values and references, not objects).
function defaultColumns(coll, schema) {
  const all = (schema && ordered(schema).properties) || {};
  const props = Object.keys(all);
  let cols = coll === '_messages' ? [...MESSAGE_COLUMNS] : [];
  const first = titleField(schema);
  if (first && !cols.includes(first)) cols.unshift(first);
  const readable = (p) => all[p] && (all[p].type !== 'object' || all[p]['x-ref']) && !(all[p].type === 'array' && all[p].items && all[p].items.type === 'object');
  for (const p of props) if (cols.length < 5 && !cols.includes(p) && readable(p)) cols.push(p);
  if (schema && schema['x-publish']) cols.push('_status');
  cols.push('_updatedAt');
  return cols;
}

function loadColumns(coll, schema) {
  try {
    const saved = JSON.parse(localStorage.getItem(`credence.columns.${coll}`));
    if (Array.isArray(saved) && saved.length) return saved;
  } catch {
    // fall through to the default
  }
  return defaultColumns(coll, schema);
}

export default function Documents({ collection }) {
  const { schema, error: schemaError } = useSchema(collection);
  const [columns, setColumns] = useState(null);
  const [sort, setSort] = useState('');
  const [filterText, setFilterText] = useState('');
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(25);
  const [cursors, setCursors] = useState([undefined]);
  const [page, setPage] = useState(null);
  const [error, setError] = useState(null);
  const [filterError, setFilterError] = useState(null);
  const [showColumns, setShowColumns] = useState(false);
  const [notice, setNotice] = useState(null);
  const publish = !!(schema && schema['x-publish']);
  // References in the visible columns are read expanded, to show titles.
  const refColumns = (columns || []).filter((c) => {
    const p = schema && schema.properties && schema.properties[c];
    return p && (p['x-ref'] || (p.items && p.items['x-ref']));
  });

  useEffect(() => {
    setColumns(null);
    setSort('');
    setFilter('');
    setFilterText('');
    setCursors([undefined]);
    setPage(null);
  }, [collection]);

  useEffect(() => {
    if (schema && !columns) setColumns(loadColumns(collection, schema));
  }, [schema, columns, collection]);

  const cursor = cursors[cursors.length - 1];
  const [tick, setTick] = useState(0);
  // The page reads itself again when the collection changes elsewhere.
  const live = useLive([collection], () => setTick((t) => t + 1));
  useEffect(() => {
    let live = true;
    api
      .list(collection, { sort, limit, cursor, filter, preview: publish ? 'true' : undefined, expand: refColumns.join(',') || undefined })
      .then((p) => {
        if (!live) return;
        setPage(p);
        setError(null);
        setFilterError(null);
      })
      .catch((err) => {
        if (!live) return;
        const pos = positionOf(err);
        if (filter && err.status === 400 && pos) setFilterError({ ...pos, message: (err.errors[0] && err.errors[0].message.split('\n')[0]) || err.message });
        else setError(err);
        setPage({ items: [] });
      });
    return () => {
      live = false;
    };
  }, [collection, sort, limit, cursor, filter, publish, tick, refColumns.join(',')]);

  const allFields = useMemo(() => [...Object.keys((schema && ordered(schema).properties) || {}), ...META], [schema]);

  function chooseColumns(cols) {
    setColumns(cols);
    localStorage.setItem(`credence.columns.${collection}`, JSON.stringify(cols));
  }
  function sortBy(field) {
    const cur = sort.split(',')[0];
    const next = cur === field ? '-' + field : cur === '-' + field ? '' : field;
    setSort(next);
    setCursors([undefined]);
  }
  function applyFilter() {
    setFilter(filterText.trim());
    setCursors([undefined]);
  }
  async function retry(id) {
    try {
      await api.action('_messages', id, 'retry');
      setNotice(`Message ${id} queued again.`);
      setTick((t) => t + 1);
    } catch (err) {
      setError(err);
    }
  }

  if (schemaError) return <Problem error={schemaError} />;
  const cols = columns || [];
  const items = (page && page.items) || [];
  return (
    <div className="page" data-testid="documents">
      <div className="page-head">
        <h1>
          {(schema && schema.title) || collection} <span className="muted small">{collection}</span>
          {live ? (
            <span className="live" data-testid="live" title="This list follows the writes as they happen">
              live
            </span>
          ) : null}
        </h1>
        <div className="actions">
          {!collection.startsWith('_') || collection === '_automations' || collection === '_templates' || collection === '_webhooks' ? (
            <Link to={`/collections/${collection}`} className="button secondary">
              Schema
            </Link>
          ) : null}
          <Link to={`/c/${collection}/new`} className="button" data-testid="new-document">
            New document
          </Link>
        </div>
      </div>
      <div className="toolbar">
        <div className="filter">
          <CodeEditor
            value={filterText}
            onChange={setFilterText}
            language="formula"
            minimal
            label="filter"
            testid="filter"
            placeholder={filterExample(schema)}
            diagnostics={filterError ? [filterError] : []}
            onSubmit={applyFilter}
          />
          <button type="button" data-testid="apply-filter" onClick={applyFilter}>
            Filter
          </button>
          {filter ? (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setFilterText('');
                setFilter('');
                setCursors([undefined]);
              }}
            >
              Clear
            </button>
          ) : null}
        </div>
        <label className="small">
          sort
          <input value={sort} data-testid="sort" placeholder="-_updatedAt,title" onChange={(e) => setSort(e.target.value)} onBlur={() => setCursors([undefined])} />
        </label>
        <label className="small">
          per page
          <select
            value={limit}
            data-testid="limit"
            onChange={(e) => {
              setLimit(Number(e.target.value));
              setCursors([undefined]);
            }}
          >
            {[2, 10, 25, 50, 100, 500].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <div className="columns-menu">
          <button type="button" className="secondary" data-testid="columns" onClick={() => setShowColumns(!showColumns)}>
            Columns
          </button>
          {showColumns ? (
            <div className="menu">
              {allFields.map((f) => (
                <label key={f} className="check">
                  <input type="checkbox" data-testid={`column-${f}`} checked={cols.includes(f)} onChange={(e) => chooseColumns(e.target.checked ? [...cols, f] : cols.filter((c) => c !== f))} /> {f}
                </label>
              ))}
              <button type="button" className="secondary" onClick={() => chooseColumns(defaultColumns(collection, schema))}>
                Reset
              </button>
            </div>
          ) : null}
        </div>
      </div>
      {filterError ? (
        <div className="field-error" data-testid="filter-error">
          Line {filterError.line}, column {filterError.column}: {filterError.message.replace(/^line \d+, column \d+: /, '')}
        </div>
      ) : null}
      {notice ? <div className="notice ok">{notice}</div> : null}
      <Problem error={error} />
      <table className="docs" data-testid="documents-table">
        <thead>
          <tr>
            <th>
              <button type="button" className="th" onClick={() => sortBy('id')}>
                id {sortMark(sort, 'id')}
              </button>
            </th>
            {cols.map((c) => (
              <th key={c}>
                <button type="button" className="th" data-testid={`sort-${c}`} onClick={() => sortBy(c)}>
                  {columnTitle(schema, c)} {sortMark(sort, c)}
                </button>
              </th>
            ))}
            {collection === '_messages' ? <th /> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id} data-testid="doc-row" onClick={() => navigate(`/c/${collection}/${encodeURIComponent(d.id)}`)}>
              <td>
                <Link to={`/c/${collection}/${encodeURIComponent(d.id)}`}>{d.id}</Link>
              </td>
              {cols.map((c) => (
                <td key={c} className={c === '_status' ? `status ${d[c]}` : ''}>
                  {c.endsWith('At') ? when(d[c]) : formatValue(d[c])}
                </td>
              ))}
              {collection === '_messages' ? (
                <td>
                  <button
                    type="button"
                    className="secondary small"
                    onClick={(e) => {
                      e.stopPropagation();
                      retry(d.id);
                    }}
                  >
                    Retry
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
          {page && items.length === 0 ? (
            <tr>
              <td colSpan={cols.length + 2} className="muted">
                No documents{filter ? ' match the filter' : ''}.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <div className="pager">
        <button type="button" className="secondary" data-testid="prev-page" disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>
          ← Previous
        </button>
        <span className="muted" data-testid="page-number">
          page {cursors.length}
        </span>
        <button type="button" className="secondary" data-testid="next-page" disabled={!page || !page.nextCursor} onClick={() => setCursors([...cursors, page.nextCursor])}>
          Next →
        </button>
      </div>
    </div>
  );
}

// filterExample suggests a filter on the collection's own fields.
function filterExample(schema) {
  const props = (schema && schema.properties) || {};
  const names = Object.keys(props);
  const text = names.find((n) => props[n].type === 'string' && !props[n].format) || names[0];
  const number = names.find((n) => props[n].type === 'integer' || props[n].type === 'number');
  const parts = [];
  if (text) parts.push(`${text} == "${props[text].enum ? props[text].enum[0] : '...'}"`);
  if (number) parts.push(`${number} >= 1`);
  return parts.length ? `filter, e.g. ${parts.join(' && ')}` : 'filter: a formula over the fields';
}

// columnTitle is a column's heading: the field's title, or its name made readable.
function columnTitle(schema, c) {
  const p = schema && schema.properties && schema.properties[c];
  if (p && p.title) return p.title;
  return c.startsWith('_') ? c : humanize(c);
}

function sortMark(sort, field) {
  const first = sort.split(',')[0];
  if (first === field) return '▲';
  if (first === '-' + field) return '▼';
  return '';
}
