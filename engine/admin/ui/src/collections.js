// The registered collections, loaded once and shared by every screen.
import { createContext, createElement, useCallback, useContext, useEffect, useState } from 'react';
import { api } from './api.js';
import { clean } from './schemaEdit.js';

const Ctx = createContext({ schemas: {}, names: [], reload: async () => {}, loaded: false });

export function CollectionsProvider({ children }) {
  const [state, setState] = useState({ schemas: {}, names: [], loaded: false, error: null });
  const reload = useCallback(async () => {
    try {
      const schemas = {};
      let cursor;
      do {
        const page = await api.schemas(cursor ? { cursor } : undefined);
        for (const d of page.items || []) schemas[d.id] = clean(d);
        cursor = page.nextCursor;
      } while (cursor);
      const names = Object.keys(schemas).sort((a, b) => (a.startsWith('_') - b.startsWith('_')) || a.localeCompare(b));
      setState({ schemas, names, loaded: true, error: null });
    } catch (error) {
      setState((s) => ({ ...s, loaded: true, error }));
    }
  }, []);
  useEffect(() => {
    reload();
  }, [reload]);
  return createElement(Ctx.Provider, { value: { ...state, reload } }, children);
}

export function useCollections() {
  return useContext(Ctx);
}

// useSchema returns a collection's schema, from the shared list or, for a
// collection the list does not carry, from GET /api/_schemas/{name}.
export function useSchema(name) {
  const { schemas, loaded } = useCollections();
  const [own, setOwn] = useState(null);
  const [error, setError] = useState(null);
  const known = schemas[name];
  useEffect(() => {
    setOwn(null);
    setError(null);
    if (!name || known || !loaded) return;
    api.schema(name).then((d) => setOwn(clean(d)), setError);
  }, [name, known, loaded]);
  return { schema: known || own, error };
}
