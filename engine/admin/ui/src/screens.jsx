// Sign in, the dashboard, the collections list and the formula playground.
import { lazy, Suspense, useEffect, useState } from 'react';
import { api, request, session, displayName, signInWithPassword } from './api.js';
import { useCollections } from './collections.js';
import { Link, navigate } from './router.jsx';
import CodeEditor from './CodeEditor.jsx';
import { Playground } from './Playground.jsx';
import { Problem, when } from './ui.jsx';
import { useLive } from './live.js';

// The program's first reports, drawn on the dashboard; charts load with them.
const ReportsPreview = lazy(() => import('./Reports.jsx').then((m) => ({ default: m.ReportsPreview })));

export function SignIn({ onSignedIn, reason }) {
  const [key, setKey] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [providers, setProviders] = useState([]);
  useEffect(() => {
    fetch('/auth/sso')
      .then((r) => (r.ok ? r.json() : { items: [] }))
      .then((d) => setProviders(d.items || []))
      .catch(() => {});
  }, []);
  async function submitKey(e) {
    e.preventDefault();
    setBusy(true);
    try {
      // Any authenticated read tells a good key from a bad one.
      await request('GET', '/api/_schemas', { query: { limit: 1 }, key: key.trim() });
      session.signIn(key.trim());
      onSignedIn();
    } catch (err) {
      setError(err.status === 401 ? { ...err, message: 'This API key is not accepted.' } : err);
    } finally {
      setBusy(false);
    }
  }
  async function submitPassword(e) {
    e.preventDefault();
    setBusy(true);
    try {
      const t = await signInWithPassword(email.trim(), password);
      session.signIn(t.accessToken, t.refreshToken);
      onSignedIn();
    } catch (err) {
      setError(err.status === 401 ? { ...err, message: 'The e-mail address or the password is wrong.' } : err);
    } finally {
      setBusy(false);
    }
  }
  const back = encodeURIComponent(window.location.origin + window.location.pathname);
  return (
    <div className="signin">
      <form onSubmit={submitPassword} data-testid="password-form">
        <h1>Credence</h1>
        {reason ? <div className="notice error">{reason}</div> : null}
        <p className="muted">Sign in with your account.</p>
        <label>
          E-mail
          <input type="email" value={email} autoComplete="username" data-testid="email" onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input type="password" value={password} autoComplete="current-password" data-testid="password" onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" disabled={busy} data-testid="signin-password">
          Sign in
        </button>
        {providers.map((p) => (
          <a key={p.id} className="button secondary" href={`/auth/sso/${encodeURIComponent(p.id)}?returnTo=${back}`} data-testid={`sso-${p.id}`}>
            Sign in with {p.title}
          </a>
        ))}
      </form>
      <form onSubmit={submitKey} data-testid="signin-form">
        <p className="muted">Or with an API key. It is kept for this browser tab only.</p>
        <label>
          API key
          <input type="password" value={key} autoComplete="off" data-testid="api-key" onChange={(e) => setKey(e.target.value)} placeholder="leave empty on a server without keys" />
        </label>
        <Problem error={error} />
        <button type="submit" disabled={busy} data-testid="signin">
          Sign in with the key
        </button>
      </form>
    </div>
  );
}

async function countOf(name) {
  const p = await api.list(name, { fields: 'id', limit: 1000 });
  return { n: (p.items || []).length, more: !!p.nextCursor };
}

export function Dashboard() {
  const { names, schemas, loaded } = useCollections();
  const [counts, setCounts] = useState({});
  const [recent, setRecent] = useState(null);
  const [tick, setTick] = useState(0);
  // Counts and recent writes follow the writes as they happen.
  const live = useLive([], () => setTick((t) => t + 1), 1000);
  const user = names.filter((n) => !n.startsWith('_'));
  useEffect(() => {
    if (!loaded) return;
    let live = true;
    const targets = names.filter((n) => n !== '_schemas');
    Promise.all(
      targets.map(async (n) => {
        try {
          const [c, p] = await Promise.all([countOf(n), api.list(n, { sort: '-_updatedAt', limit: 5 })]);
          return { n, c, items: (p.items || []).map((d) => ({ ...d, _collection: n })) };
        } catch {
          return { n, c: null, items: [] };
        }
      }),
    ).then((res) => {
      if (!live) return;
      setCounts(Object.fromEntries(res.map((r) => [r.n, r.c])));
      setRecent(
        res
          .filter((r) => !r.n.startsWith('_')) // the program's writes, not the log's own
          .flatMap((r) => r.items)
          .sort((a, b) => String(b._updatedAt).localeCompare(String(a._updatedAt)))
          .slice(0, 10),
      );
    });
    return () => {
      live = false;
    };
  }, [loaded, names.join(','), tick]);
  return (
    <div className="page" data-testid="dashboard">
      <div className="page-head">
        <h1>
          Dashboard
          {live ? (
            <span className="live" data-testid="live" title="Counts and recent writes follow the writes as they happen">
              live
            </span>
          ) : null}
        </h1>
        <div className="actions">
          <Link to="/collections/new" className="button">
            New collection
          </Link>
        </div>
      </div>
      <div className="cards">
        {names
          .filter((n) => n !== '_schemas')
          .map((n) => (
            <Link key={n} to={`/c/${n}`} className={`card ${n.startsWith('_') ? 'system' : ''}`} data-testid={`count-${n}`}>
              <div className="count">{counts[n] ? `${counts[n].n}${counts[n].more ? '+' : ''}` : counts[n] === null ? '–' : '…'}</div>
              <div>{(schemas[n] && schemas[n].title) || n}</div>
              <div className="muted small">{n}</div>
            </Link>
          ))}
        {loaded && user.length === 0 ? (
          <p className="muted">
            No collections yet. <Link to="/collections/new">Define the first one.</Link>
          </p>
        ) : null}
      </div>
      {names.includes('_reports') ? (
        <Suspense fallback={null}>
          <ReportsPreview limit={2} tick={tick} />
        </Suspense>
      ) : null}
      <h2>Recent writes</h2>
      {recent && recent.length ? (
        <table className="docs" data-testid="recent">
          <thead>
            <tr>
              <th>when</th>
              <th>collection</th>
              <th>document</th>
              <th>revision</th>
            </tr>
          </thead>
          <tbody>
            {recent.map((d) => (
              <tr key={d._collection + '/' + d.id}>
                <td>{when(d._updatedAt)}</td>
                <td>{d._collection}</td>
                <td>
                  <Link to={`/c/${d._collection}/${encodeURIComponent(d.id)}`}>{displayName(d, schemas[d._collection])}</Link>
                </td>
                <td>{d._rev}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{recent ? 'Nothing written yet.' : 'Loading…'}</p>
      )}
    </div>
  );
}

export function CollectionsList() {
  const { names, schemas, error } = useCollections();
  return (
    <div className="page" data-testid="collections">
      <div className="page-head">
        <h1>Collections</h1>
        <div className="actions">
          <Link to="/collections/new" className="button" data-testid="new-collection">
            New collection
          </Link>
        </div>
      </div>
      <Problem error={error} />
      <table className="docs">
        <thead>
          <tr>
            <th>name</th>
            <th>title</th>
            <th>fields</th>
            <th>workflow</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {names.map((n) => (
            <tr key={n}>
              <td>
                <Link to={`/collections/${n}`}>{n}</Link>
              </td>
              <td>{schemas[n].title}</td>
              <td className="muted">{Object.keys(schemas[n].properties || {}).join(', ')}</td>
              <td>{schemas[n]['x-publish'] ? 'draft / published' : ''}</td>
              <td>
                <Link to={`/c/${n}`}>documents</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PlaygroundPage() {
  const { names } = useCollections();
  const [expr, setExpr] = useState('');
  const [mode, setMode] = useState('value');
  const [collection, setCollection] = useState('');
  const [result, setResult] = useState(null);
  const diagnostics = result && result.status === 'error' && result.error.line ? [result.error] : [];
  return (
    <div className="page" data-testid="playground-page">
      <div className="page-head">
        <h1>Formula playground</h1>
      </div>
      <p className="muted">
        Formulas are expr-lang expressions with <code>doc</code>, <code>old</code>, <code>auth</code> and <code>now</code> in scope. The value is computed by the server as you type.
      </p>
      <div className="row wrap">
        <label className="small">
          collection
          <select value={collection} data-testid="playground-collection" onChange={(e) => setCollection(e.target.value)}>
            <option value="">(none)</option>
            {names
              .filter((n) => !n.startsWith('_'))
              .map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
          </select>
        </label>
        <label className="small">
          kind
          <select value={mode} onChange={(e) => setMode(e.target.value)}>
            <option value="value">value (x-formula, x-computed, x-default)</option>
            <option value="bool">condition (x-rules, x-access)</option>
            <option value="filter">list filter</option>
          </select>
        </label>
      </div>
      <CodeEditor value={expr} onChange={setExpr} language="formula" label="formula" testid="playground-expr" diagnostics={diagnostics} />
      <Playground expr={expr} mode={mode} collection={collection || undefined} onResult={setResult} />
      <button type="button" className="secondary" onClick={() => navigate('/')}>
        Back
      </button>
    </div>
  );
}
