// Operations: the message log (counts by status, a filter by status,
// recipient and template, retrying what failed) and the audit log's
// verification, for the staff who run the program.
import { useEffect, useState } from 'react';
import { api, request } from './api.js';
import { Link } from './router.jsx';
import { Problem, when } from './ui.jsx';

const STATUSES = ['queued', 'sent', 'delivered', 'opened', 'failed'];

// quote makes text a formula's string literal.
const quote = (s) => JSON.stringify(String(s));

export default function Operations() {
  const [counts, setCounts] = useState(null);
  const [status, setStatus] = useState('failed');
  const [recipient, setRecipient] = useState('');
  const [template, setTemplate] = useState('');
  const [messages, setMessages] = useState(null);
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState(null);
  const [audit, setAudit] = useState(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    request('GET', '/api/_messages/_aggregate', { query: { groupBy: 'status', metrics: 'count' } })
      .then((r) => setCounts(Object.fromEntries(r.data.rows.map((row) => [row.key.status, row.count]))))
      .catch((e) => setError(e));
  }, [tick]);

  useEffect(() => {
    const parts = [];
    if (status) parts.push(`status == ${quote(status)}`);
    if (recipient.trim()) parts.push(`(to == ${quote(recipient.trim())} || recipient == ${quote(recipient.trim())})`);
    if (template.trim()) parts.push(`template == ${quote(template.trim())}`);
    let live = true;
    api
      .list('_messages', { filter: parts.join(' && ') || undefined, sort: '-_updatedAt', limit: 50 })
      .then((p) => live && setMessages(p.items || []))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [status, recipient, template, tick]);

  async function retry(id) {
    try {
      await api.action('_messages', id, 'retry');
      setNotice(`Message ${id} queued again.`);
      setTick((t) => t + 1);
    } catch (e) {
      setError(e);
    }
  }

  async function verify() {
    setAudit({ checking: true });
    try {
      const r = await request('GET', '/api/_audit/_verify');
      setAudit(r.data);
    } catch (e) {
      setAudit(null);
      setError(e);
    }
  }

  return (
    <div className="page" data-testid="operations">
      <div className="page-head">
        <h1>Operations</h1>
      </div>
      <Problem error={error} />
      {notice ? <div className="notice ok">{notice}</div> : null}
      <h2>Messages</h2>
      <div className="cards">
        {STATUSES.map((s) => (
          <button key={s} type="button" className={`card ${status === s ? 'active' : ''}`} data-testid={`messages-${s}`} onClick={() => setStatus(s)}>
            <div className="count">{counts ? counts[s] || 0 : '…'}</div>
            <div>{s}</div>
          </button>
        ))}
      </div>
      <div className="actions">
        <label>
          status{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="message-status">
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          recipient <input value={recipient} onChange={(e) => setRecipient(e.target.value)} placeholder="address or id" data-testid="message-recipient" />
        </label>
        <label>
          template <input value={template} onChange={(e) => setTemplate(e.target.value)} placeholder="account-verify" data-testid="message-template" />
        </label>
      </div>
      <table className="docs" data-testid="messages">
        <thead>
          <tr>
            <th>when</th>
            <th>to</th>
            <th>subject</th>
            <th>template</th>
            <th>status</th>
            <th>attempts</th>
            <th>error</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(messages || []).map((m) => (
            <tr key={m.id}>
              <td>{when(m._updatedAt)}</td>
              <td>{m.to || m.recipient}</td>
              <td>
                <Link to={`/c/_messages/${encodeURIComponent(m.id)}`}>{m.subject || m.id}</Link>
              </td>
              <td>{m.template}</td>
              <td className={`status ${m.status}`}>{m.status}</td>
              <td>{m.attempts}</td>
              <td className="muted">{m.error}</td>
              <td>
                {m.status === 'failed' ? (
                  <button type="button" className="secondary small" onClick={() => retry(m.id)} data-testid="retry">
                    Retry
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
          {messages && messages.length === 0 ? (
            <tr>
              <td colSpan={8} className="muted">
                No messages match.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <h2>Audit log</h2>
      <p className="muted">
        Every write is an entry holding the hash of the one before: a removed or changed entry breaks the chain.{' '}
        <Link to="/c/_audit">Read the entries.</Link>
      </p>
      <button type="button" onClick={verify} data-testid="verify-audit">
        Verify the chain
      </button>{' '}
      {audit && audit.checking ? <span className="muted">Checking…</span> : null}
      {audit && !audit.checking ? (
        <span className={audit.ok ? 'notice ok' : 'notice error'} data-testid="audit-result">
          {audit.ok ? `The chain holds: ${audit.entries} entries, each linked to the one before.` : `Broken at ${audit.brokenAt}: ${audit.problem}`}
        </span>
      ) : null}
    </div>
  );
}
