// The portal's frame: a header with the navigation, the screen of the
// current path, and the sign-in gate for the learner's own screens.
import { type ReactNode, useEffect, useRef } from 'react';
import { Link, match, navigate, useLocation, useTitle } from './router';
import { useSession } from './session';
import { SignIn, SignUp, Profile } from './screens/Account';
import { Activities } from './screens/Activities';
import { CertificationPage, Program, Programs } from './screens/Catalogue';
import { Credentials } from './screens/Credentials';
import { Directory } from './screens/Directory';
import { ExamPlayer } from './screens/Exam';
import { Messages } from './screens/Messages';

/** The routes: a pattern and its screen; `own` ones need a signed-in learner. */
const routes: { pattern: string; own?: boolean; screen: (p: Record<string, string>) => ReactNode }[] = [
  { pattern: '/', screen: () => <Programs /> },
  { pattern: '/programs/:id', screen: (p) => <Program id={p.id ?? ''} /> },
  { pattern: '/certifications/:id', screen: (p) => <CertificationPage id={p.id ?? ''} /> },
  { pattern: '/directory', screen: () => <Directory /> },
  { pattern: '/signin', screen: () => <SignIn /> },
  { pattern: '/signup', screen: () => <SignUp /> },
  { pattern: '/attempts/:id', own: true, screen: (p) => <ExamPlayer id={p.id ?? ''} /> },
  { pattern: '/me/profile', own: true, screen: () => <Profile /> },
  { pattern: '/me/credentials', own: true, screen: () => <Credentials /> },
  { pattern: '/me/activities', own: true, screen: () => <Activities /> },
  { pattern: '/me/messages', own: true, screen: () => <Messages /> },
];

export function App() {
  const { path } = useLocation();
  const { loading, me, profile, signOut } = useSession();
  const main = useRef<HTMLElement>(null);

  // A new screen: focus moves to its content, as a page load would.
  useEffect(() => {
    main.current?.focus();
  }, [path]);

  let screen: ReactNode = <NotFound />;
  for (const r of routes) {
    const params = match(r.pattern, path);
    if (!params) continue;
    if (r.own && !loading && !me) {
      screen = <Gate />;
    } else if (r.own && loading) {
      screen = <p role="status">Loading…</p>;
    } else {
      screen = r.screen(params);
    }
    break;
  }

  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="site">
        <Link to="/" className="brand">
          Certification portal
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <Link to="/">Programs</Link>
            </li>
            <li>
              <Link to="/directory">Directory</Link>
            </li>
            {me ? (
              <>
                <li>
                  <Link to="/me/credentials">Credentials</Link>
                </li>
                <li>
                  <Link to="/me/activities">Activities</Link>
                </li>
                <li>
                  <Link to="/me/messages">Messages</Link>
                </li>
                <li>
                  <Link to="/me/profile" data-testid="me">
                    {profile?.name ?? me.email}
                  </Link>
                </li>
                <li>
                  <button
                    type="button"
                    className="link"
                    data-testid="signout"
                    onClick={async () => {
                      await signOut();
                      navigate('/');
                    }}
                  >
                    Sign out
                  </button>
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link to="/signin" data-testid="nav-signin">
                    Sign in
                  </Link>
                </li>
                <li>
                  <Link to="/signup" className="button small">
                    Create an account
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {me && !profile && !loading && path !== '/me/profile' && (
          <p className="notice">
            <Link to="/me/profile">Complete your profile</Link> to take exams and receive credentials.
          </p>
        )}
        {screen}
      </main>
    </>
  );
}

function Gate() {
  const { path } = useLocation();
  useTitle('Sign in');
  return (
    <p>
      <Link to={`/signin?next=${encodeURIComponent(path)}`}>Sign in</Link> to see this page.
    </p>
  );
}

function NotFound() {
  useTitle('Not found');
  return (
    <>
      <h1>Not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Browse the programs</Link>.
      </p>
    </>
  );
}
