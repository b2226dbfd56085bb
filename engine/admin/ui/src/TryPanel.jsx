// TryPanel tries an automation or a template before it goes live: a dry
// run of the automation (as edited, saved or not) against a stored
// document, or the template rendered for one. Nothing is written or sent.
import { useState } from 'react';
import { request, stripMeta } from './api.js';
import { Problem } from './ui.jsx';

export default function TryPanel({ collection, id, draft }) {
  const automation = collection === '_automations';
  const [coll, setColl] = useState((draft && draft.on && draft.on.collection) || '');
  const [doc, setDoc] = useState('');
  const [event, setEvent] = useState('updated');
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  async function run(e) {
    e.preventDefault();
    setError(null);
    setResult(null);
    try {
      const path = `/api/${collection}/${encodeURIComponent(id)}/${automation ? 'dryRun' : 'preview'}`;
      const body = automation ? { document: doc, event, draft: stripMeta(draft) } : { collection: coll, document: doc, draft: stripMeta(draft) };
      const r = await request('POST', path, { body });
      setResult(r.data);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="card try" data-testid="try-panel">
      <h3>{automation ? 'What would fire' : 'Preview'}</h3>
      <form className="actions" onSubmit={run}>
        {automation ? null : (
          <label>
            collection <input value={coll} onChange={(e) => setColl(e.target.value)} placeholder="credentials" data-testid="try-collection" />
          </label>
        )}
        <label>
          document id <input value={doc} onChange={(e) => setDoc(e.target.value)} placeholder="a stored document" data-testid="try-document" />
        </label>
        {automation ? (
          <label>
            event{' '}
            <select value={event} onChange={(e) => setEvent(e.target.value)} data-testid="try-event">
              {['created', 'updated', 'deleted', 'schedule'].map((ev) => (
                <option key={ev}>{ev}</option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="submit" data-testid="try-run">
          {automation ? 'Dry run' : 'Preview'}
        </button>
      </form>
      <Problem error={error} />
      {result && automation ? (
        <div data-testid="try-result">
          <p className={result.fires ? 'notice ok' : 'notice'}>{result.fires ? 'It would fire.' : `It would not fire: ${result.reason}.`}</p>
          {result.due && result.due.length ? <p className="muted">Reminders due at {result.due.join(', ')}.</p> : null}
          <ol>
            {result.do.map((a, i) => (
              <li key={i}>
                <strong>{a.kind}</strong> {a.collection || a.endpoint || ''} {a.id ? <code>{a.id}</code> : null}
                {a.error ? <span className="text-danger"> {a.error}</span> : null}
                {a.fields ? <pre>{JSON.stringify(a.fields, null, 2)}</pre> : null}
                {a.items ? <pre>{JSON.stringify(a.items, null, 2)}</pre> : null}
                {a.payload ? <pre>{JSON.stringify(a.payload, null, 2)}</pre> : null}
                {(a.messages || []).map((m, j) => (
                  <div key={j} className="message-preview">
                    <div>
                      to {a.to[j]}: <strong>{m.subject}</strong>
                    </div>
                    <pre>{m.text}</pre>
                  </div>
                ))}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {result && !automation ? (
        <div data-testid="try-result">
          <p>
            <strong>{result.subject}</strong>
          </p>
          <pre>{result.text}</pre>
          {result.html ? <iframe title="HTML preview" sandbox="" srcDoc={result.html} className="html-preview" /> : null}
        </div>
      ) : null}
    </section>
  );
}
