// The public directory: certified people who opted in, searchable by name
// or headline, each current credential linked to its verification page.
import { useEffect, useState } from 'react';
import { api, expanded, idOf, literal, type Schemas } from '../api/client';
import { navigate, useLocation, useTitle } from '../router';
import { Field, Status, useLoad } from '../ui';

type Entry = Schemas['Directory'];

export function Directory() {
  useTitle('Directory');
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const filter = q.trim() === '' ? undefined : `lower(name) contains ${literal(q.trim().toLowerCase())} || lower(headline ?? "") contains ${literal(q.trim().toLowerCase())}`;
  const list = useLoad(() => api.GET('/api/directory', { params: { query: { filter, expand: 'certifications', sort: 'name', limit: 100 } } }), [filter]);
  return (
    <>
      <h1>Directory of certified people</h1>
      <form
        role="search"
        className="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(text.trim() ? `/directory?q=${encodeURIComponent(text.trim())}` : '/directory');
        }}
      >
        <Field label="Search by name or headline">
          {(p) => <input {...p} type="search" value={text} onChange={(e) => setText(e.target.value)} data-testid="directory-q" />}
        </Field>
        <button type="submit" data-testid="directory-search">
          Search
        </button>
      </form>
      <Status of={list}>
        {() => {
          const items = (list.data?.items ?? []).filter((d): d is Entry => 'name' in d);
          if (items.length === 0) return <p role="status">{q ? `No one matches “${q}”.` : 'No one is listed yet.'}</p>;
          return (
            <ul className="cards" data-testid="directory">
              {items.map((d) => (
                <li key={d.id} className="card" data-testid="person">
                  <h2>{d.name}</h2>
                  {d.headline && <p className="muted">{d.headline}</p>}
                  <ul>
                    {(d.certifications ?? []).map((c, i) => {
                      const verify = d.verify?.length === d.certifications?.length ? d.verify?.[i] : undefined;
                      const title = expanded(c)?.title ?? idOf(c);
                      return <li key={idOf(c)}>{verify ? <a href={verify}>{title}</a> : title}</li>;
                    })}
                  </ul>
                </li>
              ))}
            </ul>
          );
        }}
      </Status>
    </>
  );
}
