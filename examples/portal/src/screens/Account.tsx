// Sign up, sign in (with a password or a code by e-mail) and the profile.
// Every call is the identity API of the spec (tag identity).
import { type FormEvent, type ReactNode, useState } from 'react';
import { api, problemText, session } from '../api/client';
import { Link, navigate, useLocation, useTitle } from '../router';
import { useSession } from '../session';
import { Alert, Field } from '../ui';

/** Where to go after signing in: ?next= when it is a path of this site. */
function useNext(fallback: string): string {
  const next = useLocation().query.get('next') ?? '';
  return next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}

/** A form that runs one async step and shows its problem. */
function Step({ title, submit, children, label, testid }: { title: string; submit: () => Promise<string>; children: ReactNode; label: string; testid: string }) {
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem('');
    try {
      setProblem(await submit());
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={onSubmit} className="card form narrow" aria-labelledby={testid + '-title'}>
      <h1 id={testid + '-title'}>{title}</h1>
      {children}
      <Alert>{problem}</Alert>
      <button type="submit" disabled={busy} data-testid={testid}>
        {label}
      </button>
    </form>
  );
}

function Email({ value, set }: { value: string; set: (v: string) => void }) {
  return (
    <Field label="E-mail address">
      {(p) => <input {...p} type="email" autoComplete="email" required value={value} onChange={(e) => set(e.target.value)} data-testid="email" />}
    </Field>
  );
}

function Code({ value, set }: { value: string; set: (v: string) => void }) {
  return (
    <Field label="Code" hint="The code in the e-mail we sent you.">
      {(p) => (
        <input {...p} inputMode="numeric" autoComplete="one-time-code" required value={value} onChange={(e) => set(e.target.value.trim())} data-testid="code" />
      )}
    </Field>
  );
}

export function SignUp() {
  useTitle('Create an account');
  const next = useNext('/me/profile');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);
  if (!sent)
    return (
      <Step
        title="Create an account"
        label="Create the account"
        testid="signup"
        submit={async () => {
          const { error } = await api.POST('/auth/signup', { body: { email, password } });
          if (error) return problemText(error);
          setSent(true);
          return '';
        }}
      >
        <Email value={email} set={setEmail} />
        <Field label="Password" hint="10 characters or more.">
          {(p) => (
            <input {...p} type="password" autoComplete="new-password" minLength={10} required value={password} onChange={(e) => setPassword(e.target.value)} data-testid="password" />
          )}
        </Field>
        <p className="muted">
          Already have one? <Link to="/signin">Sign in</Link>.
        </p>
      </Step>
    );
  return (
    <Step
      title="Confirm your address"
      label="Confirm"
      testid="verify"
      submit={async () => {
        const { data, error } = await api.POST('/auth/verify', { body: { email, code } });
        if (!data) return problemText(error);
        session.start(data);
        navigate(next, true);
        return '';
      }}
    >
      <p role="status">We sent a code to {email}. It is valid for 24 hours.</p>
      <Code value={code} set={setCode} />
    </Step>
  );
}

export function SignIn() {
  useTitle('Sign in');
  const next = useNext('/me/credentials');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [mode, setMode] = useState<'password' | 'code-request' | 'code'>('password');
  const done = (tokens: Parameters<typeof session.start>[0]) => {
    session.start(tokens);
    navigate(next, true);
    return '';
  };
  if (mode === 'password')
    return (
      <Step
        title="Sign in"
        label="Sign in"
        testid="signin"
        submit={async () => {
          const { data, error } = await api.POST('/auth/signin', { body: { email, password } });
          return data ? done(data) : problemText(error);
        }}
      >
        <Email value={email} set={setEmail} />
        <Field label="Password">
          {(p) => <input {...p} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} data-testid="password" />}
        </Field>
        <p className="muted">
          <button type="button" className="link" onClick={() => setMode('code-request')}>
            E-mail me a code instead
          </button>{' '}
          · <Link to="/signup">Create an account</Link>
        </p>
      </Step>
    );
  if (mode === 'code-request')
    return (
      <Step
        title="Sign in with a code"
        label="Send the code"
        testid="code-request"
        submit={async () => {
          const { error } = await api.POST('/auth/code', { body: { email } });
          if (error) return problemText(error);
          setMode('code');
          return '';
        }}
      >
        <Email value={email} set={setEmail} />
      </Step>
    );
  return (
    <Step
      title="Sign in with a code"
      label="Sign in"
      testid="code-signin"
      submit={async () => {
        const { data, error } = await api.POST('/auth/signin/code', { body: { email, code } });
        return data ? done(data) : problemText(error);
      }}
    >
      <p role="status">If {email} has an account, a code is on its way; it is valid for 15 minutes.</p>
      <Code value={code} set={setCode} />
    </Step>
  );
}

/** Her profile: made once after sign-up (PUT at her subject id), then edited. */
export function Profile() {
  useTitle('My profile');
  const { me, profile, reload } = useSession();
  const [name, setName] = useState(profile?.name ?? '');
  const [headline, setHeadline] = useState(profile?.headline ?? '');
  const [optIn, setOptIn] = useState(profile?.directoryOptIn ?? false);
  const [saved, setSaved] = useState(false);
  if (!me?.subject) return <Alert>This account has no learner profile.</Alert>;
  const subject = me.subject;
  return (
    <Step
      title={profile ? 'My profile' : 'Welcome: your profile'}
      label={profile ? 'Save' : 'Save and continue'}
      testid="profile-save"
      submit={async () => {
        setSaved(false);
        const body = { name, email: me.email, headline, directoryOptIn: optIn };
        const { error } = profile
          ? await api.PATCH('/api/learners/{id}', { params: { path: { id: subject } }, body })
          : await api.PUT('/api/learners/{id}', { params: { path: { id: subject } }, body });
        if (error) return problemText(error);
        const first = !profile;
        await reload();
        if (first) navigate('/', true);
        else setSaved(true);
        return '';
      }}
    >
      <Field label="Name" hint="As it appears on your credentials.">
        {(p) => <input {...p} autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} data-testid="name" />}
      </Field>
      <Field label="Headline" hint="Your role, shown in the directory.">
        {(p) => <input {...p} value={headline} onChange={(e) => setHeadline(e.target.value)} data-testid="headline" />}
      </Field>
      <label className="option">
        <input type="checkbox" checked={optIn} onChange={(e) => setOptIn(e.target.checked)} data-testid="opt-in" /> List me in the public directory
        while I hold a current credential
      </label>
      {saved && <p role="status">Saved.</p>}
    </Step>
  );
}
