// CodeEditor loads CodeMirror on first use, so that screens without an
// editor do not wait for it; until it arrives a read-only text area holds
// the value.
import { lazy, Suspense } from 'react';

const CodeMirrorEditor = lazy(() => import('./CodeMirrorEditor.jsx'));

export default function CodeEditor(props) {
  return (
    <Suspense fallback={<textarea className="code-loading" readOnly value={props.value || ''} aria-label={props.label} />}>
      <CodeMirrorEditor {...props} />
    </Suspense>
  );
}
