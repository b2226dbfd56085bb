// The formula playground: runs POST /api/_eval as the user types, against a
// sample document or a stored one, and shows the value or the error at its
// line and column.
import { useEffect, useRef, useState } from 'react';
import { api, positionOf } from './api.js';
import CodeEditor from './CodeEditor.jsx';

export function useEval(expr, { mode, collection, doc, id, delay = 350 }) {
  const [state, setState] = useState({ status: 'idle' });
  const seq = useRef(0);
  useEffect(() => {
    if (!expr || !expr.trim()) {
      setState({ status: 'idle' });
      return;
    }
    const n = ++seq.current;
    setState((s) => ({ ...s, status: 'running' }));
    const t = setTimeout(async () => {
      const req = { expr, mode: mode || 'value' };
      if (collection) req.collection = collection;
      if (id) req.id = id;
      else if (doc !== undefined) req.doc = doc;
      try {
        const res = await api.evaluate(req);
        if (n === seq.current) setState({ status: 'ok', result: res });
      } catch (err) {
        if (n === seq.current) {
          const pos = positionOf(err);
          const message = (err.errors[0] && err.errors[0].message) || err.message;
          setState({ status: 'error', error: { ...pos, message: message.split('\n')[0], snippet: err.problem.snippet } });
        }
      }
    }, delay);
    return () => clearTimeout(t);
  }, [expr, mode, collection, id, JSON.stringify(doc), delay]);
  return state;
}

export function EvalResult({ state }) {
  if (state.status === 'idle') return <div className="eval-result muted">Type a formula to see its value.</div>;
  if (state.status === 'error') {
    const e = state.error;
    return (
      <div className="eval-result error" data-testid="eval-error" role="alert">
        {e.line ? <strong>Line {e.line}, column {e.column}: </strong> : null}
        {e.message.replace(/^line \d+, column \d+: /, '')}
        {e.snippet ? <pre className="snippet">{e.snippet}</pre> : null}
      </div>
    );
  }
  if (state.status === 'running' && !state.result) return <div className="eval-result muted">Running…</div>;
  const r = state.result;
  return (
    <div className={`eval-result ok ${state.status === 'running' ? 'stale' : ''}`} data-testid="eval-value">
      <span className="type">{r.type}</span> <code>{JSON.stringify(r.value)}</code>
      <span className="muted"> · {r.micros} µs</span>
    </div>
  );
}

// Playground is the sample-document side of a formula: the sample (or a
// stored id) and the live result.
export function Playground({ expr, mode, collection, compact = false, onResult }) {
  const [source, setSource] = useState('sample');
  const [sample, setSample] = useState('{}');
  const [id, setId] = useState('');
  let doc;
  let sampleError = null;
  try {
    doc = JSON.parse(sample || '{}');
  } catch (e) {
    sampleError = e.message;
  }
  const state = useEval(sampleError ? '' : expr, { mode, collection, doc: source === 'sample' ? doc : undefined, id: source === 'stored' ? id : undefined });
  useEffect(() => {
    if (onResult) onResult(state);
  }, [state, onResult]);
  return (
    <div className={`playground ${compact ? 'compact' : ''}`} data-testid="playground">
      <div className="playground-head">
        <span className="label">Try it</span>
        <label>
          <input type="radio" checked={source === 'sample'} onChange={() => setSource('sample')} /> sample document
        </label>
        {collection ? (
          <label>
            <input type="radio" checked={source === 'stored'} onChange={() => setSource('stored')} /> stored document
          </label>
        ) : null}
      </div>
      {source === 'sample' ? (
        <>
          <CodeEditor value={sample} onChange={setSample} language="json" minimal label="sample document" />
          {sampleError ? <div className="field-error">The sample is not JSON: {sampleError}</div> : null}
        </>
      ) : (
        <input placeholder="document id" value={id} onChange={(e) => setId(e.target.value)} aria-label="stored document id" />
      )}
      <EvalResult state={state} />
    </div>
  );
}

// FormulaInput is a formula editor with its playground beside it; eval
// errors are also marked in the editor at their line and column.
export function FormulaInput({ value, onChange, mode = 'value', collection, label, testid, serverError }) {
  const [sample, setSample] = useState('{}');
  const [storedId, setStoredId] = useState('');
  const [source, setSource] = useState('sample');
  let doc = {};
  try {
    doc = JSON.parse(sample || '{}');
  } catch {
    doc = {};
  }
  const stored = source === 'stored' && collection;
  const state = useEval(stored && !storedId ? '' : value, { mode, collection, doc: stored ? undefined : doc, id: stored ? storedId : undefined });
  const diagnostics = state.status === 'error' && state.error.line ? [state.error] : [];
  return (
    <div className="formula-input" data-testid={testid}>
      <div className="formula-editor">
        <CodeEditor value={value} onChange={onChange} language="formula" diagnostics={diagnostics} label={label || 'formula'} testid={testid ? testid + '-code' : undefined} />
        {serverError ? <div className="field-error">{serverError}</div> : null}
      </div>
      <div className="formula-side">
        <div className="playground-head">
          <span className="label">Try it on</span>
          {collection ? (
            <>
              <label>
                <input type="radio" checked={source === 'sample'} onChange={() => setSource('sample')} /> a sample
              </label>
              <label>
                <input type="radio" checked={source === 'stored'} data-testid={testid ? testid + '-stored' : undefined} onChange={() => setSource('stored')} /> a stored document
              </label>
            </>
          ) : (
            <span className="muted">a sample document</span>
          )}
        </div>
        {stored ? (
          <input placeholder={`id of a document in ${collection}`} data-testid={testid ? testid + '-id' : undefined} value={storedId} onChange={(e) => setStoredId(e.target.value.trim())} aria-label="stored document id" />
        ) : (
          <CodeEditor value={sample} onChange={setSample} language="json" minimal label="sample document" />
        )}
        <EvalResult state={state} />
      </div>
    </div>
  );
}
