// My CE activities: what she submitted, its review, and a form for a new
// one (or to answer a return). The CEUs are the server's formula.
import { type FormEvent, useState } from 'react';
import { api, expanded, problemText, type Schemas } from '../api/client';
import { useTitle } from '../router';
import { Alert, day, Field, Status, Tag, useLoad } from '../ui';

type Activity = Schemas['Activity'];

export function Activities() {
  useTitle('My activities');
  const list = useLoad(() => api.GET('/api/activities', { params: { query: { expand: 'source', sort: '-_createdAt', limit: 200 } } }), []);
  const [editing, setEditing] = useState<Activity | null>(null);
  return (
    <>
      <h1>My CE activities</h1>
      <p className="muted">Courses, talks and other work count toward renewing your credentials once staff approve them.</p>
      <ActivityForm key={editing?.id ?? 'new'} editing={editing} onSaved={() => (setEditing(null), list.reload())} />
      <h2>Submitted</h2>
      <Status of={list}>
        {() => {
          const items = (list.data?.items ?? []).filter((a): a is Activity => 'title' in a);
          if (items.length === 0) return <p className="muted">Nothing yet.</p>;
          return (
            <table className="table" data-testid="activities">
              <caption className="visually-hidden">Your activities and their review</caption>
              <thead>
                <tr>
                  <th scope="col">Activity</th>
                  <th scope="col">Source</th>
                  <th scope="col">CEUs</th>
                  <th scope="col">Status</th>
                  <th scope="col">Review</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.id}>
                    <td>{a.title}</td>
                    <td>{expanded(a.source)?.title ?? String(a.source)}</td>
                    <td>{a.ceus ?? 0}</td>
                    <td>
                      <Tag value={a.status} />
                      <br />
                      <small className="muted">{day(a.reviewedAt ?? a.submittedAt ?? a._createdAt)}</small>
                    </td>
                    <td>
                      {a.reviewNote}
                      {(a.status === 'returned' || a.status === 'draft') && (
                        <button type="button" className="link" onClick={() => setEditing(a)}>
                          {a.status === 'returned' ? 'Answer and resubmit' : 'Edit'}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }}
      </Status>
    </>
  );
}

function ActivityForm({ editing, onSaved }: { editing: Activity | null; onSaved: () => void }) {
  const sources = useLoad(() => api.GET('/api/ceu_sources', { params: { query: { limit: 100 } } }), []);
  const [title, setTitle] = useState(editing?.title ?? '');
  const [source, setSource] = useState(typeof editing?.source === 'string' ? editing.source : (expanded(editing?.source)?.id ?? ''));
  const [hours, setHours] = useState(editing?.hours?.toString() ?? '');
  const [contributions, setContributions] = useState(editing?.contributions?.toString() ?? '');
  const [evidence, setEvidence] = useState(editing?.evidence ?? '');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem('');
    const fields = {
      title,
      source,
      hours: hours === '' ? undefined : Number(hours),
      contributions: contributions === '' ? undefined : Number(contributions),
      evidence: evidence === '' ? undefined : evidence,
      status: 'submitted' as const,
    };
    const { error } = editing
      ? await api.PATCH('/api/activities/{id}', { params: { path: { id: editing.id } }, body: fields })
      : await api.POST('/api/activities', { body: fields });
    setBusy(false);
    if (error) setProblem(problemText(error));
    else onSaved();
  };

  const chosen = sources.data?.items.find((s) => s.id === source);
  return (
    <form onSubmit={save} className="card form" aria-labelledby="activity-form">
      <h2 id="activity-form">{editing ? `Resubmit “${editing.title}”` : 'Submit an activity'}</h2>
      <Field label="What you did">
        {(p) => <input {...p} required value={title} onChange={(e) => setTitle(e.target.value)} data-testid="activity-title" />}
      </Field>
      <Field label="Kind">
        {(p) => (
          <select {...p} required value={source} onChange={(e) => setSource(e.target.value)} data-testid="activity-source">
            <option value="">Choose…</option>
            {sources.data?.items.map((s) => (
              <option key={s.id} value={s.id}>
                {'title' in s ? s.title : s.id}
              </option>
            ))}
          </select>
        )}
      </Field>
      {(!chosen || !('perContribution' in chosen) || chosen.perHour) && (
        <Field label="Hours">
          {(p) => <input {...p} type="number" min="0" step="0.5" inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} data-testid="activity-hours" />}
        </Field>
      )}
      {chosen && 'perContribution' in chosen && chosen.perContribution ? (
        <Field label="Contributions" hint="Talks, articles, answers: each counts.">
          {(p) => <input {...p} type="number" min="0" step="1" value={contributions} onChange={(e) => setContributions(e.target.value)} />}
        </Field>
      ) : null}
      <Field label="Evidence (a link)" hint="A certificate, a recording or a post that shows it.">
        {(p) => <input {...p} type="url" value={evidence} onChange={(e) => setEvidence(e.target.value)} placeholder="https://" />}
      </Field>
      <Alert>{problem}</Alert>
      <button type="submit" disabled={busy} data-testid="activity-submit">
        {editing ? 'Resubmit' : 'Submit for review'}
      </button>
    </form>
  );
}
