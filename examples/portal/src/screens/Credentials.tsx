// My credentials: status, dates, renewal, and once issued as a verifiable
// credential, its public verification page and LinkedIn's "Add to profile".
import { api, expanded, type Schemas } from '../api/client';
import { Link, useTitle } from '../router';
import { day, Status, Tag, useLoad } from '../ui';

type Credential = Schemas['Credential'];

/** LinkedIn's documented "Add to profile" link for a certification. */
export function linkedIn(c: Credential, page: string): string {
  const cert = expanded(c.certification);
  const program = expanded(cert?.program);
  const q = new URLSearchParams({ startTask: 'CERTIFICATION_NAME', name: cert?.title ?? c.id });
  if (program?.owner) q.set('organizationName', program.owner);
  for (const [prefix, iso] of [
    ['issue', c.issuedAt],
    ['expiration', c.expiresAt],
  ] as const) {
    if (!iso) continue;
    const d = new Date(iso);
    q.set(prefix + 'Year', String(d.getUTCFullYear()));
    q.set(prefix + 'Month', String(d.getUTCMonth() + 1));
  }
  q.set('certUrl', page);
  q.set('certId', c.id);
  return 'https://www.linkedin.com/profile/add?' + q.toString();
}

export function Credentials() {
  useTitle('My credentials');
  const list = useLoad(
    () => api.GET('/api/credentials', { params: { query: { expand: 'certification.program', sort: '-issuedAt', limit: 200 } } }),
    [],
  );
  return (
    <>
      <h1>My credentials</h1>
      <Status of={list}>
        {() => {
          const items = (list.data?.items ?? []).filter((c): c is Credential => 'issuedAt' in c);
          if (items.length === 0)
            return (
              <p>
                None yet. <Link to="/">Browse the programs</Link> to earn one.
              </p>
            );
          return (
            <ul className="cards wide" data-testid="credentials">
              {items.map((c) => (
                <CredentialCard key={c.id} c={c} />
              ))}
            </ul>
          );
        }}
      </Status>
    </>
  );
}

function CredentialCard({ c }: { c: Credential }) {
  const cert = expanded(c.certification);
  const page = c.vc ? `${location.origin}/credentials/${encodeURIComponent(c.vc)}` : '';
  const state = c.state ?? c.status;
  return (
    <li className="card credential" data-testid="credential">
      <img className="badge" src={page ? `${page}/badge.svg` : ''} alt="" hidden={!page} width={64} height={64} />
      <div>
        <h2>{cert?.title ?? c.id}</h2>
        <p>
          <Tag value={state} /> {c.cycle && c.cycle > 1 ? `renewal ${c.cycle - 1}` : null}
        </p>
        <dl className="facts">
          <dt>Issued</dt>
          <dd>{day(c.issuedAt)}</dd>
          {c.expiresAt && (
            <>
              <dt>{c.current ? 'Expires' : 'Expired'}</dt>
              <dd>
                {day(c.expiresAt)}
                {c.current && c.daysLeft !== undefined ? ` (${c.daysLeft} days left)` : ''}
              </dd>
            </>
          )}
          {c.current && c.renewalFrom && (
            <>
              <dt>Renew from</dt>
              <dd>{day(c.renewalFrom)}</dd>
            </>
          )}
          {c.ceuRequired ? (
            <>
              <dt>CEUs</dt>
              <dd>
                {c.ceuEarned ?? 0} of {c.ceuRequired} for renewal (<Link to="/me/activities">activities</Link>)
              </dd>
            </>
          ) : null}
        </dl>
        {page ? (
          <p className="actions">
            <a href={page} data-testid="verify-link">
              Verification page
            </a>
            <a href={linkedIn(c, page)} target="_blank" rel="noopener noreferrer" data-testid="linkedin-link">
              Add to LinkedIn
            </a>
          </p>
        ) : (
          state !== 'pending' && <p className="muted">Its verifiable credential is being signed.</p>
        )}
      </div>
    </li>
  );
}
