// Accounts: invite people, disable and enable them, send a password reset.
import { useEffect, useState } from 'react';
import { api, request } from './api.js';
import { Problem } from './ui.jsx';

export default function Accounts() {
  const [items, setItems] = useState(null);
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState('');
  const [form, setForm] = useState({ email: '', role: 'learner', subject: '' });
  const load = () =>
    api
      .list('_accounts', { limit: 1000, sort: 'email' })
      .then((p) => setItems(p.items || []))
      .catch(setError);
  useEffect(() => {
    load();
  }, []);
  async function sendReset(email, what) {
    await request('POST', '/auth/reset', { body: { email }, key: '' });
    setNotice(`${what} sent to ${email}.`);
  }
  async function invite(e) {
    e.preventDefault();
    setError(null);
    try {
      const doc = { email: form.email.trim().toLowerCase(), role: form.role.trim() };
      if (form.subject.trim()) doc.subject = form.subject.trim();
      await api.create('_accounts', doc);
      await sendReset(doc.email, 'An invitation (a link to choose a password)');
      setForm({ email: '', role: form.role, subject: '' });
      load();
    } catch (err) {
      setError(err);
    }
  }
  async function setDisabled(a, disabled) {
    setError(null);
    try {
      await request('PATCH', `/api/_accounts/${encodeURIComponent(a.id)}`, { body: { disabled }, contentType: 'application/merge-patch+json' });
      setNotice(`${a.email} ${disabled ? 'is disabled: its sessions end within five minutes' : 'may sign in again'}.`);
      load();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <div className="page">
      <h1>Accounts</h1>
      <p className="muted">People who sign in with an e-mail and a password, or through single sign-on. Invite someone, disable an account, or send a password reset.</p>
      <form className="inline" onSubmit={invite} data-testid="invite-form">
        <label>
          E-mail
          <input type="email" required value={form.email} data-testid="invite-email" onChange={(e) => setForm({ ...form, email: e.target.value })} />
        </label>
        <label>
          Role
          <input value={form.role} required data-testid="invite-role" onChange={(e) => setForm({ ...form, role: e.target.value })} />
        </label>
        <label>
          Acts for (document id)
          <input value={form.subject} data-testid="invite-subject" onChange={(e) => setForm({ ...form, subject: e.target.value })} />
        </label>
        <button type="submit" data-testid="invite">
          Invite
        </button>
      </form>
      {notice ? (
        <div className="notice" data-testid="accounts-notice">
          {notice}
        </div>
      ) : null}
      <Problem error={error} />
      <table className="list" data-testid="accounts">
        <thead>
          <tr>
            <th>E-mail</th>
            <th>Role</th>
            <th>Acts for</th>
            <th>Verified</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(items || []).map((a) => (
            <tr key={a.id} data-testid={`account-${a.email}`} className={a.disabled ? 'muted' : ''}>
              <td>{a.email}</td>
              <td>{a.role}</td>
              <td>{a.subject || ''}</td>
              <td>{a.verified ? 'yes' : 'no'}</td>
              <td className="actions">
                <button type="button" className="secondary" data-testid={`reset-${a.email}`} onClick={() => sendReset(a.email, 'A password reset').catch(setError)}>
                  Send reset
                </button>
                <button type="button" className="secondary" data-testid={`toggle-${a.email}`} onClick={() => setDisabled(a, !a.disabled)}>
                  {a.disabled ? 'Enable' : 'Disable'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
