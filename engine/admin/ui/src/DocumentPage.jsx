// One document: the generated form (create and edit), its JSON, its
// revisions with a diff and restore, its referrers, and publishing.
import TryPanel from './TryPanel.jsx';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api.js';
import { useSchema } from './collections.js';
import { Link, navigate } from './router.jsx';
import { writable } from './formData.js';

// The form renderer and its validator are the largest part of the UI: they
// load with the first document form.
const LazyDocForm = lazy(() => import('./DocForm.jsx'));
function DocForm(props) {
  return (
    <Suspense fallback={<p className="muted">Loading the form…</p>}>
      <LazyDocForm {...props} />
    </Suspense>
  );
}
import CodeEditor from './CodeEditor.jsx';
import { diff } from './diff.js';
import { Problem, formatValue, when } from './ui.jsx';

function errorsOf(err) {
  return err instanceof ApiError ? err.errors.filter((e) => e.path) : [];
}

export function NewDocument({ collection }) {
  const { schema, error: schemaError } = useSchema(collection);
  const [data, setData] = useState({});
  const [id, setId] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [createdKey, setCreatedKey] = useState(null);
  if (schemaError) return <Problem error={schemaError} />;
  if (!schema) return <p className="muted">Loading…</p>;
  if (createdKey) {
    return (
      <div className="page" data-testid="key-created">
        <h1>Key {createdKey.id} created</h1>
        <p>Copy its secret now: it is shown this once, and only its hash is stored.</p>
        <pre className="secret" data-testid="key-secret">
          {createdKey.secret}
        </pre>
        <Link to={`/c/${collection}/${encodeURIComponent(createdKey.id)}`} className="button">
          Done
        </Link>
      </div>
    );
  }
  async function submit(formData) {
    setBusy(true);
    setData(formData);
    try {
      const body = writable(formData, schema);
      if (id.trim()) body.id = id.trim();
      const res = await api.create(collection, body);
      if (res.data && typeof res.data.secret === 'string') {
        // A new API key's secret is shown this once.
        setCreatedKey(res.data);
        return;
      }
      navigate(`/c/${collection}/${encodeURIComponent(res.data.id)}`, { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const idErrors = errorsOf(error).filter((e) => e.path === '/id');
  return (
    <div className="page" data-testid="new-document-page">
      <div className="page-head">
        <h1>
          New document in <Link to={`/c/${collection}`}>{(schema && schema.title) || collection}</Link>
        </h1>
      </div>
      <label className="grow">
        id <span className="muted">(optional; generated when empty)</span>
        <input value={id} data-testid="doc-id" onChange={(e) => setId(e.target.value)} />
        {idErrors.map((e, i) => (
          <span className="field-error" key={i}>
            {e.message}
          </span>
        ))}
      </label>
      <Problem error={error} errors={error ? error.errors.filter((e) => !e.path) : []} />
      <DocForm collection={collection} schema={schema} formData={data} onChange={setData} onSubmit={submit} errors={errorsOf(error)}>
        <div className="actions sticky">
          <button type="submit" disabled={busy} data-testid="save-document">
            Create
          </button>
        </div>
      </DocForm>
    </div>
  );
}

export function EditDocument({ collection, id }) {
  const { schema, error: schemaError } = useSchema(collection);
  const publish = !!(schema && schema['x-publish']);
  const [doc, setDoc] = useState(null);
  const [etag, setEtag] = useState(null);
  const [data, setData] = useState(null);
  const [tab, setTab] = useState('form');
  const [error, setError] = useState(null);
  const [loadError, setLoadError] = useState(null);
  const [notice, setNotice] = useState(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const r = await api.get(collection, id, publish ? { preview: 'true' } : undefined);
      setDoc(r.data);
      setEtag(r.etag);
      setData(r.data);
      setLoadError(null);
    } catch (err) {
      setLoadError(err);
    }
  }, [collection, id, publish]);

  useEffect(() => {
    if (schema) load();
  }, [schema, load]);
  // An upload saves the document: read it again.
  useEffect(() => {
    const f = async (e) => {
      await load();
      setNotice(e.detail && e.detail.message ? `${e.detail.message} Saved as a new revision.` : 'Saved.');
    };
    window.addEventListener('credence:document-changed', f);
    return () => window.removeEventListener('credence:document-changed', f);
  }, [load]);

  async function save(content, message = 'Saved.') {
    // Saving unchanged writes nothing: no new revision, no automation fired.
    if (doc && sameJSON(writable(content, schema), writable(doc, schema))) {
      setError(null);
      setNotice(`No changes: revision ${doc._rev} stands.`);
      return true;
    }
    setBusy(true);
    setNotice(null);
    try {
      const r = await api.put(collection, id, writable(content, schema), etag);
      setDoc(r.data);
      setEtag(r.etag);
      setData(r.data);
      setError(null);
      setNotice(`${message} Revision ${r.data._rev}.`);
      return true;
    } catch (err) {
      setError(err);
      if (err.status === 412) setNotice(null);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function act(action) {
    try {
      await api.action(collection, id, action);
      setNotice(action === 'publish' ? 'Published.' : action === 'unpublish' ? 'Unpublished.' : 'Queued again.');
      setError(null);
      await load();
    } catch (err) {
      setError(err);
    }
  }

  async function remove() {
    if (!confirm(`Delete ${id}?`)) return;
    try {
      await api.remove(collection, id);
      navigate(`/c/${collection}`);
    } catch (err) {
      setError(err);
    }
  }

  if (schemaError) return <Problem error={schemaError} />;
  if (loadError) return <Problem error={loadError} />;
  if (!doc || !schema) return <p className="muted">Loading…</p>;
  return (
    <div className="page" data-testid="edit-document-page">
      <div className="page-head">
        <h1>
          <Link to={`/c/${collection}`}>{(schema && schema.title) || collection}</Link> / {id}
        </h1>
        <div className="actions">
          {publish ? (
            <>
              <span className={`status ${doc._status}`} data-testid="doc-status">
                {doc._status || 'draft'}
              </span>
              {doc._status === 'published' ? (
                <button type="button" className="secondary" data-testid="unpublish" onClick={() => act('unpublish')}>
                  Unpublish
                </button>
              ) : (
                <button type="button" data-testid="publish" onClick={() => act('publish')}>
                  Publish
                </button>
              )}
            </>
          ) : null}
          {collection === '_messages' ? (
            <button type="button" className="secondary" data-testid="retry" onClick={() => act('retry')}>
              Retry
            </button>
          ) : null}
          <button type="button" className="danger" data-testid="delete-document" onClick={remove}>
            Delete
          </button>
        </div>
      </div>
      <div className="meta muted" data-testid="doc-meta">
        revision <span data-testid="doc-rev">{doc._rev}</span> · created {when(doc._createdAt)}
        {doc._createdBy ? ` by ${doc._createdBy}` : ''} · updated {when(doc._updatedAt)}
      </div>
      <div className="tabs" role="tablist">
        {[
          ['form', 'Form'],
          ['json', 'JSON'],
          ['revisions', 'Revisions'],
          ['referrers', 'Referred to by'],
        ].map(([k, label]) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} data-testid={`tab-${k}`} className={tab === k ? 'active' : ''} onClick={() => setTab(k)}>
            {label}
          </button>
        ))}
      </div>
      {notice ? (
        <div className="notice ok" data-testid="notice">
          {notice}
        </div>
      ) : null}
      <Problem error={error} errors={error ? error.errors.filter((e) => !e.path) : []} />
      {error && error.status === 412 ? (
        <button type="button" className="secondary" onClick={load}>
          Reload the current revision
        </button>
      ) : null}
      {tab === 'form' ? (
        <DocForm collection={collection} schema={schema} formData={data} onChange={setData} onSubmit={(d) => save(d)} errors={errorsOf(error)} existing>
          <div className="actions sticky">
            <button type="submit" disabled={busy} data-testid="save-document">
              Save
            </button>
          </div>
        </DocForm>
      ) : null}
      {tab === 'form' && (collection === '_automations' || collection === '_templates') ? <TryPanel collection={collection} id={id} draft={data} /> : null}
      {tab === 'json' ? <JsonTab doc={doc} onSave={(d) => save(d)} /> : null}
      {tab === 'revisions' ? (
        <Revisions
          collection={collection}
          id={id}
          current={doc}
          onRestore={async (rev) => {
            if (await save(rev, `Restored revision ${rev._rev}.`)) setTab('form');
          }}
        />
      ) : null}
      {tab === 'referrers' ? <Referrers collection={collection} id={id} /> : null}
    </div>
  );
}

function JsonTab({ doc, onSave }) {
  const [text, setText] = useState(JSON.stringify(doc, null, 2));
  const [err, setErr] = useState(null);
  useEffect(() => setText(JSON.stringify(doc, null, 2)), [doc]);
  return (
    <div>
      <CodeEditor value={text} onChange={setText} language="json" label="document JSON" testid="doc-json" />
      {err ? <div className="field-error">{err}</div> : null}
      <div className="actions">
        <button
          type="button"
          onClick={() => {
            try {
              onSave(JSON.parse(text));
              setErr(null);
            } catch (e) {
              setErr(e.message);
            }
          }}
        >
          Save JSON
        </button>
      </div>
    </div>
  );
}

function Revisions({ collection, id, current, onRestore }) {
  const [revs, setRevs] = useState([]);
  const [next, setNext] = useState(null);
  const [chosen, setChosen] = useState(null);
  const [error, setError] = useState(null);
  const more = useCallback(
    async (cursor) => {
      try {
        const p = await api.revisions(collection, id, { limit: 50, cursor });
        setRevs((r) => (cursor ? [...r, ...p.items] : p.items));
        setNext(p.nextCursor || null);
      } catch (err) {
        setError(err);
      }
    },
    [collection, id],
  );
  useEffect(() => {
    more();
  }, [more, current._rev]);
  const rows = chosen ? diff(chosen, current) : [];
  return (
    <div className="revisions" data-testid="revisions">
      <Problem error={error} />
      <div className="split">
        <ul className="rev-list">
          {revs.map((r) => (
            <li key={r._rev}>
              <button type="button" data-testid={`rev-${r._rev}`} className={chosen && chosen._rev === r._rev ? 'active' : 'secondary'} onClick={() => setChosen(r)}>
                #{r._rev} · {when(r._updatedAt)}
                {r._createdBy ? ` · ${r._createdBy}` : ''}
                {r._rev === current._rev ? ' (current)' : ''}
              </button>
            </li>
          ))}
          {next ? (
            <li>
              <button type="button" className="secondary" onClick={() => more(next)}>
                older…
              </button>
            </li>
          ) : null}
        </ul>
        <div className="rev-detail">
          {chosen ? (
            <>
              <h3>
                Revision {chosen._rev} compared with the current revision {current._rev}
              </h3>
              {rows.length ? (
                <table className="diff" data-testid="diff">
                  <thead>
                    <tr>
                      <th>field</th>
                      <th>revision {chosen._rev}</th>
                      <th>current</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.path} className={r.change}>
                        <td>
                          <code>{r.path}</code>
                        </td>
                        <td className="before">{r.change === 'added' ? '' : formatValue(r.before) || '""'}</td>
                        <td className="after">{r.change === 'removed' ? '' : formatValue(r.after) || '""'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="muted">No difference in content.</p>
              )}
              {chosen._rev !== current._rev ? (
                <button type="button" data-testid="restore" onClick={() => onRestore(chosen)}>
                  Restore revision {chosen._rev}
                </button>
              ) : null}
            </>
          ) : (
            <p className="muted">Choose a revision to compare it with the current one.</p>
          )}
        </div>
      </div>
    </div>
  );
}

function Referrers({ collection, id }) {
  const [page, setPage] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    api.referrers(collection, id, { limit: 100 }).then(setPage, setError);
  }, [collection, id]);
  if (error) return <Problem error={error} />;
  if (!page) return <p className="muted">Loading…</p>;
  const items = page.items || [];
  if (!items.length) return <p className="muted">No document refers to this one.</p>;
  return (
    <ul>
      {items.map((r, i) => (
        <li key={i}>
          <Link to={`/c/${r.collection}/${encodeURIComponent(r.id)}`}>
            {r.collection} / {r.id}
          </Link>{' '}
          {r.path ? <code className="muted">{r.path}</code> : null}
        </li>
      ))}
    </ul>
  );
}

// sameJSON compares two JSON values, objects whatever their key order.
function sameJSON(a, b) {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((x, i) => sameJSON(x, b[i]));
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJSON(a[k], b[k]));
}
