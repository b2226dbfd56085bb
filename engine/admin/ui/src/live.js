// Live updates: the writes the signed-in caller may see, from the server's
// event stream (GET /api/_events). EventSource sends no Authorization
// header, so each connection opens with a ticket asked for with it; when
// the stream closes (a ticket's stream ends after an hour, a node restarts)
// it opens again with a new ticket, resuming after the last event.

import { useEffect, useRef, useState } from 'react';
import { request } from './api.js';

// subscribe calls onEvent({type, data}) for each write (type created,
// updated or deleted) and onEvent({type: 'resync'}) when events were
// missed; onState(true|false) as the stream opens and closes. It returns
// the function that stops it.
export function subscribe(collections, onEvent, onState = () => {}) {
  let stopped = false;
  let source = null;
  let last = '';
  let timer = null;
  async function open() {
    if (stopped) return;
    try {
      const { data } = await request('POST', '/api/_events/ticket');
      if (stopped) return;
      const q = new URLSearchParams({ ticket: data.ticket });
      if (collections && collections.length) q.set('collections', collections.join(','));
      if (last) q.set('lastEventId', last);
      source = new EventSource(`/api/_events?${q}`);
      source.onopen = () => onState(true);
      for (const type of ['created', 'updated', 'deleted']) {
        source.addEventListener(type, (e) => {
          last = e.lastEventId || last;
          onEvent({ type, data: JSON.parse(e.data) });
        });
      }
      source.addEventListener('resync', () => {
        last = '';
        onEvent({ type: 'resync' });
      });
      source.onerror = () => {
        onState(false);
        if (source && source.readyState === EventSource.CLOSED) again();
      };
    } catch {
      onState(false);
      again();
    }
  }
  function again() {
    if (source) source.close();
    source = null;
    if (!stopped) timer = setTimeout(open, 2000);
  }
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    if (source) source.close();
  };
}

// useLive calls refresh (at most every wait ms) when a write to one of
// collections (all when empty) comes; it returns whether the stream is
// open.
export function useLive(collections, refresh, wait = 300) {
  const [open, setOpen] = useState(false);
  const latest = useRef(refresh);
  latest.current = refresh;
  const key = (collections || []).join(',');
  useEffect(() => {
    let pending = null;
    const stop = subscribe(
      collections,
      () => {
        if (pending) return;
        pending = setTimeout(() => {
          pending = null;
          latest.current();
        }, wait);
      },
      setOpen,
    );
    return () => {
      clearTimeout(pending);
      stop();
    };
  }, [key, wait]);
  return open;
}
