// The catalogue: programs, a program's About pages and certifications,
// and one certification with what it takes. Each screen is one or two
// reads with expand: the nested documents come in the same answer, and
// sections targeted at an audience come only to the learners in it.
import { api, expanded, idOf, literal, type Schemas } from '../api/client';
import { Link, useTitle } from '../router';
import { useSession } from '../session';
import { Status, useLoad } from '../ui';
import { StartExam } from './Exam';

type Certification = Schemas['Certification'];
type Level = Schemas['Level'];

/** Text as paragraphs (descriptions are Markdown; shown here as plain text, never as HTML). */
export function Prose({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <>
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i}>{p.replace(/^#+\s*/, '').replace(/\*\*?|__?/g, '')}</p>
      ))}
    </>
  );
}

export function Programs() {
  useTitle('Programs');
  const programs = useLoad(() => api.GET('/api/programs', { params: { query: { limit: 100 } } }), []);
  return (
    <>
      <h1>Certification programs</h1>
      <Status of={programs}>
        {() => (
          <ul className="cards" data-testid="programs">
            {programs.data?.items.map((p) => (
              <li key={p.id} className="card">
                <h2>
                  <Link to={`/programs/${p.id}`}>{'title' in p ? p.title : p.id}</Link>
                </h2>
                {'owner' in p && <p className="muted">{p.owner}</p>}
                {'description' in p && <p>{p.description}</p>}
              </li>
            ))}
          </ul>
        )}
      </Status>
    </>
  );
}

export function Program({ id }: { id: string }) {
  const program = useLoad(() => api.GET('/api/programs/{id}', { params: { path: { id } } }), [id]);
  const pages = useLoad(
    () =>
      api.GET('/api/pages', {
        params: { query: { filter: `program == ${literal(id)}`, expand: 'sections.paths,certifications.level,certifications.path' } },
      }),
    [id],
  );
  const certs = useLoad(
    () =>
      api.GET('/api/certifications', {
        params: { query: { filter: `program == ${literal(id)}`, expand: 'level,path', limit: 200 } },
      }),
    [id],
  );
  const p = program.data && 'title' in program.data ? program.data : undefined;
  useTitle(p?.title ?? 'Program');
  return (
    <Status of={program}>
      {() => (
        <>
          <h1>{p?.title}</h1>
          {p?.description && <p className="lead">{p.description}</p>}
          <Status of={pages}>{() => pages.data?.items.map((page) => <About key={page.id} page={page} />)}</Status>
          <h2 id="certifications">Certifications</h2>
          <Status of={certs}>{() => <CertificationList items={certs.data?.items ?? []} />}</Status>
        </>
      )}
    </Status>
  );
}

/** An About page: its sections as the reader's audience sees them. */
function About({ page }: { page: Schemas['Page'] | Schemas['PagePartial'] }) {
  if (!('title' in page)) return null;
  return (
    <section className="about" data-testid="about" aria-labelledby={`page-${page.id}`}>
      <h2 id={`page-${page.id}`}>{page.title}</h2>
      {page.intro && <p>{page.intro}</p>}
      {page.sections?.map((ref) => {
        // A section the reader's audience does not get stays an id: skip it.
        const s = expanded(ref);
        if (!s) return null;
        return (
          <section key={s.id} className="section" data-testid="section">
            <h3>{s.heading}</h3>
            <Prose text={s.body} />
            {s.paths && s.paths.length > 0 && (
              <ul className="chips">
                {s.paths.map((p) => {
                  const path = expanded(p);
                  return <li key={idOf(p)}>{path?.title ?? idOf(p)}</li>;
                })}
              </ul>
            )}
          </section>
        );
      })}
    </section>
  );
}

function CertificationList({ items }: { items: (Certification | Schemas['CertificationPartial'])[] }) {
  const certs = items.filter((c): c is Certification => 'title' in c);
  if (certs.length === 0) return <p className="muted">No certification is published yet.</p>;
  const order = (c: Certification) => expanded<Level>(c.level)?.order ?? 99;
  certs.sort((a, b) => order(a) - order(b) || a.title.localeCompare(b.title));
  return (
    <ul className="cards" data-testid="certifications">
      {certs.map((c) => {
        const level = expanded(c.level);
        const path = expanded(c.path);
        return (
          <li key={c.id} className="card">
            <h3>
              <Link to={`/certifications/${c.id}`}>{c.title}</Link>
            </h3>
            <p className="muted">
              {[level?.title, path?.title && `${path.title} path`, c.kind === 'organization' && 'for organizations']
                .filter(Boolean)
                .join(' · ')}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

export function CertificationPage({ id }: { id: string }) {
  const { me } = useSession();
  const cert = useLoad(
    () =>
      api.GET('/api/certifications/{id}', {
        params: { path: { id }, query: { expand: 'program,level,path,requires,exams,courses' } },
      }),
    // Signed in, exams (which the public does not read) expand too.
    [id, me?.subject],
  );
  const c = cert.data && 'title' in cert.data ? cert.data : undefined;
  useTitle(c?.title ?? 'Certification');
  return (
    <Status of={cert}>
      {() =>
        c && (
          <article>
            <p className="crumbs">
              <Link to={`/programs/${idOf(c.program)}`}>{expanded(c.program)?.title ?? idOf(c.program)}</Link>
            </p>
            <h1>{c.title}</h1>
            <Prose text={c.description} />
            <dl className="facts">
              {expanded(c.level) && (
                <>
                  <dt>Level</dt>
                  <dd>{expanded(c.level)?.title}</dd>
                </>
              )}
              {expanded(c.path) && (
                <>
                  <dt>Path</dt>
                  <dd>{expanded(c.path)?.title}</dd>
                </>
              )}
              {(c.validityMonths ?? expanded(c.level)?.validityMonths) && (
                <>
                  <dt>Valid for</dt>
                  <dd>{c.validityMonths ?? expanded(c.level)?.validityMonths} months, then renewed</dd>
                </>
              )}
              {c.experienceMonths ? (
                <>
                  <dt>Experience</dt>
                  <dd>{c.experienceMonths} months with the product</dd>
                </>
              ) : null}
            </dl>
            {c.criteria && (
              <>
                <h2>How to earn it</h2>
                <Prose text={c.criteria} />
              </>
            )}
            {c.requires && c.requires.length > 0 && (
              <>
                <h2>First hold</h2>
                <ul>
                  {c.requires.map((r) => (
                    <li key={idOf(r)}>
                      <Link to={`/certifications/${idOf(r)}`}>{expanded(r)?.title ?? idOf(r)}</Link>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {c.courses && c.courses.length > 0 && (
              <>
                <h2>Courses</h2>
                <ul>
                  {c.courses.map((r) => (
                    <li key={idOf(r)}>
                      {expanded(r)?.title ?? idOf(r)}
                      {expanded(r)?.hours ? <span className="muted"> · {expanded(r)?.hours} h</span> : null}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {c.exams && c.exams.length > 0 && (
              <>
                <h2>Exams</h2>
                {!me && (
                  <p>
                    <Link to={`/signin?next=/certifications/${c.id}`}>Sign in</Link> or{' '}
                    <Link to={`/signup?next=/certifications/${c.id}`}>create an account</Link> to take the exam.
                  </p>
                )}
                {/* The public reads no exam; a learner reads the ones open to her. */}
                <ul className="cards">
                  {c.exams.map((r) => {
                    const exam = expanded(r);
                    return exam && 'title' in exam ? (
                      <li key={idOf(r)} className="card" data-testid="exam">
                        <StartExam exam={exam} />
                      </li>
                    ) : null;
                  })}
                </ul>
              </>
            )}
          </article>
        )
      }
    </Status>
  );
}
