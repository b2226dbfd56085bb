// The shell: sign-in gate, navigation, and the routes.
import { lazy, Suspense, useEffect, useState } from 'react';
import { session, setUnauthorizedHandler, takeTokensFromFragment } from './api.js';
import { CollectionsProvider, useCollections } from './collections.js';
import { Link, match, navigate, useLocation } from './router.jsx';
import SchemaBuilder from './SchemaBuilder.jsx';
import Documents from './Documents.jsx';
import { NewDocument, EditDocument } from './DocumentPage.jsx';
import { SignIn, Dashboard, CollectionsList, PlaygroundPage } from './screens.jsx';
import Accounts from './Accounts.jsx';
// Charts are only loaded on the reports page.
const Reports = lazy(() => import('./Reports.jsx'));
const Operations = lazy(() => import('./Operations.jsx'));

const SYSTEM_LABELS = {
  _automations: 'Automations',
  _templates: 'Templates',
  _webhooks: 'Webhooks',
  _messages: 'Message log',
  _keys: 'API keys',
  _accounts: 'Accounts (records)',
  _identity_providers: 'Identity providers',
  _audit: 'Audit log',
  _reports: 'Reports (definitions)',
};

// groupsOf sorts the program's collections into their x-group, by group
// name ("Content" for those without one), each by title.
function groupsOf(names, schemas) {
  const title = (n) => (schemas[n] && schemas[n].title) || n;
  const groups = new Map();
  for (const n of [...names].sort((a, b) => title(a).localeCompare(title(b)))) {
    const g = (schemas[n] && typeof schemas[n]['x-group'] === 'string' && schemas[n]['x-group']) || 'Content';
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g).push(n);
  }
  return [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0]));
}

function Nav({ path }) {
  const { names, schemas } = useCollections();
  const active = (p) => (path === p || path.startsWith(p + '/') ? 'active' : '');
  const user = names.filter((n) => !n.startsWith('_'));
  const system = names.filter((n) => n.startsWith('_') && n !== '_schemas');
  return (
    <nav className="sidebar">
      <div className="brand">
        <Link to="/">Credence</Link>
      </div>
      <Link to="/" className={path === '/' ? 'active' : ''}>
        Dashboard
      </Link>
      <Link to="/collections" className={path === '/collections' ? 'active' : ''} data-testid="nav-collections">
        Collections
      </Link>
      {names.includes('_reports') ? (
        <Link to="/reports" className={active('/reports')} data-testid="nav-reports">
          Reports
        </Link>
      ) : null}
      {names.includes('_messages') ? (
        <Link to="/operations" className={active('/operations')} data-testid="nav-operations">
          Operations
        </Link>
      ) : null}
      <Link to="/playground" className={active('/playground')}>
        Formula playground
      </Link>
      {names.includes('_accounts') ? (
        <Link to="/accounts" className={active('/accounts')} data-testid="nav-accounts">
          Accounts
        </Link>
      ) : null}
      {groupsOf(user, schemas).map(([group, list]) => (
        <div key={group} className="nav-section" data-testid={`nav-group-${group}`}>
          <div className="nav-group">{group}</div>
          {list.map((n) => (
            <Link key={n} to={`/c/${n}`} className={active(`/c/${n}`)} data-testid={`nav-${n}`}>
              {(schemas[n] && schemas[n].title) || n}
            </Link>
          ))}
        </div>
      ))}
      {system.length ? <div className="nav-group">System</div> : null}
      {system.map((n) => (
        <Link key={n} to={`/c/${n}`} className={active(`/c/${n}`)} data-testid={`nav-${n}`}>
          {SYSTEM_LABELS[n] || n}
        </Link>
      ))}
      <div className="grow" />
      <button
        type="button"
        className="secondary"
        data-testid="signout"
        onClick={() => {
          session.signOut();
          navigate('/signin');
        }}
      >
        Sign out
      </button>
    </nav>
  );
}

function Routes({ path }) {
  let m;
  if (match('/', path)) return <Dashboard />;
  if (match('/collections', path)) return <CollectionsList />;
  if (match('/collections/new', path)) return <SchemaBuilder key="new" />;
  if ((m = match('/collections/:name', path))) return <SchemaBuilder key={m.name} name={m.name} />;
  if (match('/playground', path)) return <PlaygroundPage />;
  if (match('/accounts', path)) return <Accounts />;
  if (match('/operations', path))
    return (
      <Suspense fallback={<div className="page muted">Loading…</div>}>
        <Operations />
      </Suspense>
    );
  if (match('/reports', path))
    return (
      <Suspense fallback={<div className="page muted">Loading…</div>}>
        <Reports />
      </Suspense>
    );
  if ((m = match('/c/:coll', path))) return <Documents collection={m.coll} />;
  if ((m = match('/c/:coll/new', path))) return <NewDocument key={m.coll} collection={m.coll} />;
  if ((m = match('/c/:coll/:id', path))) return <EditDocument key={m.coll + '/' + m.id} collection={m.coll} id={m.id} />;
  return (
    <div className="page">
      <h1>Not found</h1>
      <p>
        Nothing lives at this address. <Link to="/">Back to the dashboard.</Link>
      </p>
    </div>
  );
}

export default function App() {
  const { path } = useLocation();
  // A single sign-on comes back with the tokens in the address.
  const [signedIn, setSignedIn] = useState(() => takeTokensFromFragment() || session.signedIn());
  const [reason, setReason] = useState(null);
  useEffect(() => {
    setUnauthorizedHandler(() => {
      session.signOut();
      setReason('The server did not accept the API key; sign in again.');
      setSignedIn(false);
    });
  }, []);
  useEffect(() => {
    if (path === '/signin' && session.signedIn()) setSignedIn(true);
    if (path === '/signin' && !session.signedIn()) setSignedIn(false);
  }, [path]);
  if (!signedIn) {
    return (
      <SignIn
        reason={reason}
        onSignedIn={() => {
          setReason(null);
          setSignedIn(true);
          if (path === '/signin') navigate('/', { replace: true });
        }}
      />
    );
  }
  return (
    <CollectionsProvider>
      <div className="layout">
        <Nav path={path} />
        <main>
          <Routes path={path === '/signin' ? '/' : path} />
        </main>
      </div>
    </CollectionsProvider>
  );
}
