// A small history router: the server answers every /admin/ path with the
// app, so deep links work and the address bar is the state.
import { useEffect, useState } from 'react';

const BASE = '/admin';

export function navigate(to, { replace = false } = {}) {
  const url = BASE + to;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(new Event('credence:navigate'));
}

function current() {
  let p = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : location.pathname;
  if (!p) p = '/';
  return { path: p, query: new URLSearchParams(location.search) };
}

export function useLocation() {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const f = () => setLoc(current());
    window.addEventListener('popstate', f);
    window.addEventListener('credence:navigate', f);
    return () => {
      window.removeEventListener('popstate', f);
      window.removeEventListener('credence:navigate', f);
    };
  }, []);
  return loc;
}

// match returns the decoded parameters when path fits pattern ("/c/:name").
export function match(pattern, path) {
  const a = pattern.split('/');
  const b = path.replace(/\/$/, '').split('/');
  if (pattern === '/' && (path === '/' || path === '')) return {};
  if (a.length !== b.length) return null;
  const params = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i].startsWith(':')) {
      if (!b[i]) return null;
      params[a[i].slice(1)] = decodeURIComponent(b[i]);
    } else if (a[i] !== b[i]) return null;
  }
  return params;
}

export function Link({ to, children, ...rest }) {
  return (
    <a
      href={BASE + to}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(to);
      }}
      {...rest}
    >
      {children}
    </a>
  );
}
