// CodeEditor wraps CodeMirror 6 for formulas, templates and raw JSON.
import { useEffect, useRef } from 'react';
import { EditorView, keymap, placeholder as placeholderExt } from '@codemirror/view';
import { EditorState, Compartment } from '@codemirror/state';
import { basicSetup, minimalSetup } from 'codemirror';
import { json } from '@codemirror/lang-json';
import { StreamLanguage, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { setDiagnostics, lintGutter } from '@codemirror/lint';
import { tags } from '@lezer/highlight';

// The formula language (expr-lang): enough of a tokenizer to colour
// keywords, strings, numbers and operators.
const exprKeywords = /^(?:and|or|not|in|matches|contains|startsWith|endsWith|let|nil|true|false|if|else)\b/;
const formula = StreamLanguage.define({
  name: 'expr',
  token(stream) {
    if (stream.eatSpace()) return null;
    if (stream.match('//')) {
      stream.skipToEnd();
      return 'comment';
    }
    const ch = stream.peek();
    if (ch === '"' || ch === "'" || ch === '`') {
      stream.next();
      let escaped = false;
      let c;
      while ((c = stream.next()) != null) {
        if (c === ch && !escaped) break;
        escaped = !escaped && c === '\\';
      }
      return 'string';
    }
    if (stream.match(/^\d+(\.\d+)?([eE][+-]?\d+)?/)) return 'number';
    if (stream.match(exprKeywords)) return 'keyword';
    if (stream.match(/^(doc|old|auth|now)\b/)) return 'variableName.special';
    if (stream.match(/^[A-Za-z_$][\w$]*(?=\s*\()/)) return 'function';
    if (stream.match(/^[A-Za-z_$][\w$]*/)) return 'variableName';
    if (stream.match(/^(==|!=|<=|>=|&&|\|\||\?\?|\?\.|\.\.|[-+*/%<>!?:^|])/)) return 'operator';
    stream.next();
    return null;
  },
});

// Templates: colour the {{ ... }} placeholders.
const template = StreamLanguage.define({
  name: 'template',
  token(stream) {
    if (stream.match('{{')) {
      while (!stream.eol() && !stream.match('}}', false)) stream.next();
      stream.match('}}');
      return 'variableName';
    }
    while (!stream.eol() && !stream.match('{{', false)) stream.next();
    return null;
  },
});

const style = HighlightStyle.define([
  { tag: tags.keyword, color: '#7c3aed' },
  { tag: tags.string, color: '#047857' },
  { tag: tags.number, color: '#b45309' },
  { tag: tags.comment, color: '#6b7280', fontStyle: 'italic' },
  { tag: [tags.function(tags.variableName), tags.special(tags.variableName)], color: '#1d4ed8' },
  { tag: tags.variableName, color: '#111827' },
  { tag: tags.operator, color: '#9f1239' },
  { tag: tags.propertyName, color: '#1d4ed8' },
  { tag: tags.bool, color: '#7c3aed' },
  { tag: tags.null, color: '#7c3aed' },
]);

function languageOf(name) {
  if (name === 'json') return json();
  if (name === 'formula') return formula;
  if (name === 'template') return template;
  return [];
}

// toDiagnostics turns {line, column, message} into CodeMirror diagnostics.
function toDiagnostics(state, list) {
  const out = [];
  for (const d of list || []) {
    const lineNo = Math.min(Math.max(d.line || 1, 1), state.doc.lines);
    const line = state.doc.line(lineNo);
    const from = Math.min(line.from + Math.max((d.column || 1) - 1, 0), line.to);
    out.push({ from, to: Math.min(from + 1, line.to), severity: 'error', message: d.message });
  }
  return out;
}

export default function CodeEditor({ value, onChange, language = 'text', diagnostics, minimal = false, readOnly = false, placeholder, label, testid, onSubmit }) {
  const host = useRef(null);
  const view = useRef(null);
  const onChangeRef = useRef(onChange);
  const onSubmitRef = useRef(onSubmit);
  onChangeRef.current = onChange;
  onSubmitRef.current = onSubmit;
  const readOnlyC = useRef(new Compartment());

  useEffect(() => {
    const extensions = [
      minimal ? minimalSetup : basicSetup,
      languageOf(language),
      syntaxHighlighting(style),
      lintGutter(),
      EditorView.lineWrapping,
      readOnlyC.current.of(EditorState.readOnly.of(readOnly)),
      EditorView.updateListener.of((u) => {
        if (u.docChanged && onChangeRef.current) onChangeRef.current(u.state.doc.toString());
      }),
      EditorView.contentAttributes.of({ 'aria-label': label || language, 'data-testid': testid || '' }),
    ];
    if (onSubmit) {
      extensions.unshift(keymap.of([{ key: 'Mod-Enter', run: () => (onSubmitRef.current && onSubmitRef.current(), true) }]));
    }
    if (placeholder) extensions.push(placeholderExt(placeholder));
    const v = new EditorView({ state: EditorState.create({ doc: value || '', extensions }), parent: host.current });
    view.current = v;
    return () => v.destroy();
    // The editor is made once; value and diagnostics are pushed below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language, minimal]);

  useEffect(() => {
    const v = view.current;
    if (v && (value || '') !== v.state.doc.toString()) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value || '' } });
    }
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch(setDiagnostics(v.state, toDiagnostics(v.state, diagnostics)));
  }, [diagnostics, value]);

  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch({ effects: readOnlyC.current.reconfigure(EditorState.readOnly.of(readOnly)) });
  }, [readOnly]);

  return <div className={`code-editor ${minimal ? 'minimal' : ''}`} ref={host} data-testid={testid ? testid + '-editor' : undefined} />;
}
