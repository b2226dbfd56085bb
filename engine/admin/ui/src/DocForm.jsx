// DocForm is a document form generated from the collection's schema by
// react-jsonschema-form, with pickers for references, CodeMirror for
// formulas and templates, and the server's validation errors shown on the
// fields they concern.
import { humanize } from './ui.jsx';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import Form from '@rjsf/core';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { getTemplate, getUiOptions, toFieldPathId } from '@rjsf/utils';
import { marked } from 'marked';
import DOMPurify from 'dompurify';
import BadgeWidget from './Badge.jsx';

const LazyPlayground = lazy(() => import('./Playground.jsx').then((m) => ({ default: m.Playground })));
import Ajv2020 from 'ajv/dist/2020.js';
import { api, displayName, session, titleField } from './api.js';
import { useCollections } from './collections.js';
import CodeEditor from './CodeEditor.jsx';
import { Link } from './router.jsx';
import { errorSchema } from './formData.js';

// The server is the validator of record (formats, rules, references,
// uniqueness); the client validator resolves conditional schemas and
// defaults, so it must accept every schema the server does: draft 2020-12,
// x- keywords, formats.
const validator = customizeValidator({ AjvClass: Ajv2020, ajvOptionsOverrides: { strict: false, validateSchema: false } });

// System collections carry formulas and templates in plain string fields:
// these names get the code editor there.
const SYSTEM_FORMULA_FIELDS = ['when', 'where', 'expr', 'formula', 'filter', 'condition'];
const SYSTEM_TEMPLATE_FIELDS = ['body', 'html', 'text', 'subject', 'digestSubject'];

// resolveRefs inlines $refs to other collections' schemas, which the form
// cannot fetch.
function resolveRefs(node, schemas, depth = 0) {
  if (Array.isArray(node)) return node.map((n) => resolveRefs(n, schemas, depth));
  if (!node || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string' && !node.$ref.startsWith('#')) {
    const [coll, frag] = node.$ref.replace(/^credence:\/\/schemas\//, '').split('#');
    let target = schemas[coll];
    if (target && frag) {
      for (const part of frag.split('/').filter(Boolean)) target = target && target[decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~'))];
    }
    const rest = { ...node };
    delete rest.$ref;
    if (!target || depth > 8) return rest;
    return { ...resolveRefs(stripRoot(target), schemas, depth + 1), ...rest };
  }
  const out = {};
  for (const [k, v] of Object.entries(node)) out[k] = resolveRefs(v, schemas, depth);
  return out;
}

function stripRoot(s) {
  const out = {};
  for (const [k, v] of Object.entries(s)) if (!['x-rules', 'x-access', 'x-audience', 'x-publish', '$id', 'id'].includes(k) && !k.startsWith('_')) out[k] = v;
  return out;
}

function uiLanguage(prop) {
  const ui = prop['x-ui'];
  const w = typeof ui === 'string' ? ui : ui && typeof ui === 'object' ? ui.widget : null;
  if (['code', 'formula', 'template', 'json', 'textarea', 'markdown', 'image', 'badge'].includes(w)) return w;
  if (prop.type === 'string' && prop.contentMediaType === 'text/markdown') return 'markdown';
  // Long text: a string allowed to run past a line.
  if (prop.type === 'string' && !prop.enum && !prop.format && (prop.maxLength || 0) >= 300) return 'textarea';
  return null;
}

// FileField uploads the file of an x-file field (the document is saved
// with it: a new revision) and shows what it holds, an image as a
// picture, read with the signed-in caller's key.
function FileField({ formData, name, registry, schema, uiSchema }) {
  const ctx = (registry && registry.formContext) || {};
  const id = ctx.formData && ctx.formData.id;
  const [preview, setPreview] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const ref = formData && typeof formData === 'object' ? formData : null;
  const path = id ? `/api/${encodeURIComponent(ctx.collection)}/${encodeURIComponent(id)}/files/${encodeURIComponent(name)}` : null;
  useEffect(() => {
    let url = null;
    let live = true;
    if (path && ref && ref.sha256 && String(ref.type || '').startsWith('image/')) {
      fetch(path, { headers: session.key() ? { Authorization: `Bearer ${session.key()}` } : {}, cache: 'no-store' })
        .then((r) => (r.ok ? r.blob() : null))
        .then((b) => {
          if (b && live) {
            url = URL.createObjectURL(b);
            setPreview(url);
          }
        })
        .catch(() => {});
    } else setPreview(null);
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [path, ref && ref.sha256]);
  async function upload(file) {
    setBusy(true);
    setError(null);
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      const r = await fetch(path, { method: 'POST', body, headers: session.key() ? { Authorization: `Bearer ${session.key()}` } : {} });
      const data = await r.json().catch(() => ({}));
      if (!r.ok) throw new Error((data.errors && data.errors[0] && data.errors[0].message) || data.detail || r.statusText);
      window.dispatchEvent(new CustomEvent('credence:document-changed', { detail: { message: `Uploaded ${file.name}.` } }));
    } catch (e) {
      setError(e.message);
    } finally {
      setBusy(false);
    }
  }
  const title = (uiSchema && uiSchema['ui:title']) || schema.title || humanize(name);
  return (
    <div className="form-group file-field" data-testid={`file-${name}`}>
      <label className="control-label">{title}</label>
      {schema.description ? <p className="muted">{schema.description}</p> : null}
      {ref && ref.sha256 ? (
        <p className="file-ref">
          {path ? (
            <a href="#download" onClick={async (e) => {
              e.preventDefault();
              const r = await fetch(path, { headers: session.key() ? { Authorization: `Bearer ${session.key()}` } : {} });
              const b = await r.blob();
              const u = URL.createObjectURL(b);
              window.open(u, '_blank', 'noopener');
              setTimeout(() => URL.revokeObjectURL(u), 60000);
            }}>{ref.name || 'file'}</a>
          ) : (ref.name || 'file')}{' '}
          <span className="muted">
            {ref.type} · {ref.size} bytes{ref.width ? ` · ${ref.width}×${ref.height}` : ''}
          </span>
        </p>
      ) : (
        <p className="muted">No file yet.</p>
      )}
      {preview ? <img src={preview} alt={ref.name || ''} className="image-preview" data-testid={`file-preview-${name}`} /> : null}
      {path ? (
        <input type="file" disabled={busy} data-testid={`file-input-${name}`} onChange={(e) => e.target.files[0] && upload(e.target.files[0])} />
      ) : (
        <p className="muted">Save the document first, then upload its file.</p>
      )}
      {busy ? <span className="muted"> uploading…</span> : null}
      {error ? <p className="text-danger" data-testid="problem">{error}</p> : null}
    </div>
  );
}

// ImageWidget takes an image's address and shows the image.
function ImageWidget({ id, value, onChange, disabled, readonly }) {
  const safe = typeof value === 'string' && /^https?:\/\//.test(value);
  return (
    <div className="image-widget" data-testid="image">
      <input id={id} type="url" className="form-control" value={value || ''} disabled={disabled || readonly}
        placeholder="https://..." onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />
      {safe ? <img src={value} alt="" className="image-preview" referrerPolicy="no-referrer" /> : null}
    </div>
  );
}

// MarkdownWidget edits Markdown beside its preview, rendered with marked
// and sanitized with DOMPurify (no script, no event handler survives).
function MarkdownWidget({ id, value, onChange, disabled, readonly, placeholder }) {
  const html = useMemo(() => DOMPurify.sanitize(marked.parse(value || '', { async: false })), [value]);
  return (
    <div className="markdown-widget" data-testid="markdown">
      <textarea
        id={id}
        className="form-control"
        rows={8}
        value={value || ''}
        disabled={disabled || readonly}
        placeholder={placeholder || 'Markdown: **bold**, _italic_, [a link](https://...), - a list'}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      />
      <div className="markdown-preview" data-testid="markdown-preview" dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}

// freeForm reports whether a schema leaves its value's shape open (an
// object without properties, or no type at all): such values are edited
// as JSON.
function freeForm(prop) {
  if (!prop || typeof prop !== 'object') return true;
  if (prop.enum || prop.const !== undefined || prop.$ref || prop.oneOf || prop.anyOf || prop.allOf) return false;
  if (prop.type === undefined) return !prop.properties && !prop.items;
  return prop.type === 'object' && !prop.properties && !(prop.additionalProperties && typeof prop.additionalProperties === 'object');
}

// uiSchemaFor walks a schema and says how each field is edited.
// existing locks x-immutable fields: a stored document keeps them.
function uiSchemaFor(schema, collection, top = true, existing = false) {
  const ui = {};
  const props = (schema && schema.properties) || {};
  const system = collection && collection.startsWith('_');
  for (const [name, prop] of Object.entries(props)) {
    if (!prop || typeof prop !== 'object') continue;
    const u = {};
    // A label from title, else the name made readable.
    if (!prop.title) u['ui:title'] = humanize(name);
    if (top && prop['x-file'] !== undefined && prop['x-file'] !== false) {
      ui[name] = { 'ui:field': FileField, ...(prop.title ? {} : { 'ui:title': humanize(name) }) };
      continue;
    }
    if (freeForm(prop)) {
      ui[name] = { 'ui:field': JsonField };
      continue;
    }
    if (prop['x-ref']) Object.assign(u, { 'ui:widget': RefWidget, 'ui:options': { collection: prop['x-ref'] } });
    if (prop.type === 'array' && prop.items && prop.items['x-ref']) u.items = { 'ui:widget': RefWidget, 'ui:options': { collection: prop.items['x-ref'] } };
    if (prop.type === 'array' && prop.items && prop.items.properties) u.items = uiSchemaFor(prop.items, collection, false);
    if (rowsFit(prop) && !(collection === '_automations' && name === 'do')) u['ui:field'] = RowsField;
    else if (prop.type === 'array' && prop.items && prop.items.properties && !(collection === '_automations' && name === 'do'))
      u['ui:ArrayFieldItemTemplate'] = SummaryItemTemplate;
    if (prop.type === 'array' && prop.items && freeForm(prop.items)) u.items = { 'ui:field': JsonField };
    // Items of a list of values need no label of their own ("tags-1").
    if (prop.type === 'array' && prop.items && !prop.items.properties && !freeForm(prop.items))
      u.items = { ...(u.items || {}), 'ui:options': { ...((u.items || {})['ui:options'] || {}), label: false } };
    if (prop.type === 'object' && prop.properties) Object.assign(u, uiSchemaFor(prop, collection, false));
    if (collection === '_automations' && top && name === 'do') u.items = { ...uiSchemaFor(prop.items, collection, false), 'ui:field': ActionField };
    if (top && (prop['x-formula'] !== undefined || prop['x-computed'] !== undefined)) {
      u['ui:readonly'] = true;
      u['ui:help'] = `Computed by the formula ${prop['x-formula'] ?? prop['x-computed']}`;
    }
    if (top && prop['x-default'] !== undefined) u['ui:help'] = `When left empty on create: ${prop['x-default']}`;
    if (top && existing && prop['x-immutable'] === true) {
      u['ui:readonly'] = true;
      u['ui:help'] = 'Set once: it cannot change (x-immutable). An admin may correct it in the JSON tab.';
    }
    let lang = uiLanguage(prop);
    if ((!lang || lang === 'textarea') && system && prop.type === 'string') {
      if (SYSTEM_FORMULA_FIELDS.includes(name)) lang = 'formula';
      else if (collection === '_templates' && SYSTEM_TEMPLATE_FIELDS.includes(name)) lang = 'template';
    }
    if (lang === 'textarea') u['ui:widget'] = 'textarea';
    else if (lang === 'markdown') u['ui:widget'] = MarkdownWidget;
    else if (lang === 'image') u['ui:widget'] = ImageWidget;
    else if (lang === 'badge') u['ui:widget'] = BadgeWidget;
    else if (lang) Object.assign(u, { 'ui:widget': CodeWidget, 'ui:options': { ...(u['ui:options'] || {}), language: lang === 'code' ? 'text' : lang } });
    if (prop['x-ui'] && typeof prop['x-ui'] === 'object') {
      for (const [k, v] of Object.entries(prop['x-ui'])) if (k !== 'widget') u[k.startsWith('ui:') ? k : 'ui:' + k] = v;
    }
    if (Object.keys(u).length) ui[name] = u;
  }
  return ui;
}

// ActionField is one action card of an automation: a choice of its type,
// and the fields of that type only (an action has exactly one).
function ActionField(props) {
  const { schema, formData, onChange, registry, fieldPathId, uiSchema, errorSchema, disabled, readonly } = props;
  const types = Object.keys((schema && schema.properties) || {});
  const current = (formData && Object.keys(formData).find((k) => types.includes(k))) || '';
  const { SchemaField } = registry.fields;
  const inner = current ? toFieldPathId(current, registry.globalFormOptions, fieldPathId.path) : null;
  return (
    <div className="action-card" data-testid="action-card">
      <label className="control-label">
        Action{' '}
        <select
          value={current}
          disabled={disabled || readonly}
          data-testid="action-type"
          onChange={(e) => onChange(e.target.value ? { [e.target.value]: {} } : {}, fieldPathId.path)}
        >
          <option value="">choose…</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {humanize(t)}
            </option>
          ))}
        </select>
      </label>
      {current ? (
        <SchemaField
          name={current}
          required
          schema={schema.properties[current]}
          uiSchema={(uiSchema && uiSchema[current]) || {}}
          errorSchema={errorSchema && errorSchema[current]}
          fieldPathId={inner}
          formData={formData[current]}
          onChange={onChange}
          onBlur={props.onBlur}
          onFocus={props.onFocus}
          registry={registry}
          disabled={disabled}
          readonly={readonly}
        />
      ) : null}
    </div>
  );
}

// JsonField edits a value of open shape as JSON.
function JsonField({ formData, onChange, fieldPathId, schema, name, readonly, disabled }) {
  const id = (fieldPathId && fieldPathId.$id) || name;
  const fieldPath = fieldPathId && fieldPathId.path;
  const [text, setText] = useState(formData === undefined ? '' : JSON.stringify(formData, null, 2));
  const [error, setError] = useState(null);
  useEffect(() => {
    let same = false;
    try {
      same = JSON.stringify(JSON.parse(text || 'null')) === JSON.stringify(formData ?? null);
    } catch {
      same = false;
    }
    if (!same && !error) setText(formData === undefined ? '' : JSON.stringify(formData, null, 2));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [formData]);
  return (
    <div className="form-group" id={id}>
      <label className="control-label">
        {(schema && schema.title) || name} <span className="muted">(JSON)</span>
      </label>
      {schema && schema.description ? <p className="field-description">{schema.description}</p> : null}
      <CodeEditor
        value={text}
        language="json"
        minimal
        readOnly={readonly || disabled}
        label={id}
        testid={id}
        onChange={(t) => {
          setText(t);
          if (!t.trim()) {
            setError(null);
            return onChange(undefined, fieldPath);
          }
          try {
            const v = JSON.parse(t);
            setError(null);
            onChange(v, fieldPath);
          } catch (e) {
            setError(e.message);
          }
        }}
      />
      {error ? <div className="field-error">{error}</div> : null}
    </div>
  );
}

function CodeWidget({ value, onChange, options, id, readonly, disabled, registry, name }) {
  // An automation's formulas try themselves live on a document of the
  // collection it watches, as the playground does.
  const ctx = (registry && registry.formContext) || {};
  const coll = options.language === 'formula' && ctx.collection === '_automations' && ctx.formData && ctx.formData.on ? ctx.formData.on.collection : null;
  return (
    <div id={id}>
      <CodeEditor value={value || ''} onChange={(v) => onChange(v === '' ? undefined : v)} language={options.language} readOnly={readonly || disabled} label={id} testid={id} />
      {coll && value && !readonly ? (
        <details className="live-eval" data-testid={`eval-${id}`}>
          <summary>Try it on a document of {coll}</summary>
          <Suspense fallback={null}>
            <LazyPlayground expr={value} mode={name === 'when' || name === 'where' ? 'bool' : 'value'} collection={coll} compact />
          </Suspense>
        </details>
      ) : null}
    </div>
  );
}

// RefWidget picks a document of another collection, searching by its
// title field as the user types.
function RefWidget({ value, onChange, options, id, readonly, disabled }) {
  const { schemas } = useCollections();
  const coll = options.collection;
  const schema = schemas[coll];
  const field = titleField(schema);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState([]);
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const [error, setError] = useState(null);
  const seq = useRef(0);

  useEffect(() => {
    if (!value) return setLabel('');
    api.get(coll, value).then(
      (r) => setLabel(displayName(r.data, schema)),
      () => setLabel('(not found)'),
    );
  }, [coll, value, schema]);

  useEffect(() => {
    if (!open) return;
    const n = ++seq.current;
    const t = setTimeout(async () => {
      try {
        const q = query.trim();
        const filter = q && field ? `${field} != nil && lower(${field}) contains ${JSON.stringify(q.toLowerCase())}` : undefined;
        const page = await api.list(coll, { limit: 10, filter, sort: field || undefined });
        let items = page.items || [];
        if (q && !items.some((d) => d.id === q)) {
          try {
            const exact = await api.get(coll, q);
            items = [exact.data, ...items];
          } catch {
            // not an id: the search results stand
          }
        }
        if (n === seq.current) {
          setResults(items);
          setError(null);
        }
      } catch (err) {
        if (n === seq.current) setError(err.message);
      }
    }, 200);
    return () => clearTimeout(t);
  }, [query, open, coll, field]);

  return (
    <div className="ref-picker" data-testid={`ref-${id}`}>
      <div className="row">
        {value ? (
          <span className="ref-chosen">
            <Link to={`/c/${coll}/${encodeURIComponent(value)}`}>{label || value}</Link> <code className="muted">{value}</code>
          </span>
        ) : (
          <span className="muted">none</span>
        )}
        {!readonly && !disabled && value ? (
          <button type="button" className="icon" title="clear" onClick={() => onChange(undefined)}>
            ✕
          </button>
        ) : null}
      </div>
      {!readonly && !disabled ? (
        <div className="ref-search">
          <input
            id={id}
            placeholder={`search ${coll}…`}
            value={query}
            autoComplete="off"
            onFocus={() => setOpen(true)}
            onBlur={() => setTimeout(() => setOpen(false), 200)}
            onChange={(e) => {
              setQuery(e.target.value);
              setOpen(true);
            }}
          />
          {open ? (
            <ul className="ref-results" role="listbox">
              {error ? <li className="field-error">{error}</li> : null}
              {results.map((d) => (
                <li
                  key={d.id}
                  role="option"
                  aria-selected={d.id === value}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    onChange(d.id);
                    setQuery('');
                    setOpen(false);
                  }}
                >
                  {displayName(d, schema)} <code className="muted">{d.id}</code>
                </li>
              ))}
              {!error && results.length === 0 ? <li className="muted">no match</li> : null}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

// formSchema is the schema the form renders: references inlined, the
// root's keywords that concern the server only dropped.
export function useFormSchema(collection, schema, existing = false) {
  const { schemas } = useCollections();
  return useMemo(() => {
    if (!schema) return null;
    const s = resolveRefs(stripRoot(schema), schemas);
    const ui = uiSchemaFor(s, collection, true, existing);
    const order = schema['x-ui'] && Array.isArray(schema['x-ui'].order) ? schema['x-ui'].order.filter((k) => s.properties && s.properties[k]) : [];
    if (order.length) ui['ui:order'] = [...order, '*'];
    return { schema: s, uiSchema: ui };
  }, [collection, schema, schemas, existing]);
}

export default function DocForm({ collection, schema, formData, onChange, onSubmit, errors, children, readOnly, existing }) {
  const fs = useFormSchema(collection, schema, existing);
  const extra = useMemo(() => errorSchema(errors), [errors]);
  if (!fs) return null;
  return (
    <Form
      schema={fs.schema}
      uiSchema={fs.uiSchema}
      formData={formData}
      formContext={{ collection, formData }}
      validator={validator}
      noValidate
      noHtml5Validate
      showErrorList={false}
      extraErrors={extra}
      // A document shows what it holds: no empty items for minItems, no
      // empty objects for optional fields (an action card nobody chose).
      experimental_defaultFormStateBehavior={{ arrayMinItems: { populate: 'never' }, emptyObjectFields: 'skipEmptyDefaults' }}
      readonly={readOnly}
      onChange={(e) => onChange && onChange(e.formData)}
      onSubmit={(e) => onSubmit(e.formData)}
      className="doc-form"
    >
      {children}
    </Form>
  );
}

// RowsField edits a list of small objects (every property a value: text,
// number, true/false or a choice) as a table, a row per item: a question's
// options with their correct flag, a blueprint's competencies and weights.
function RowsField({ schema, formData, onChange, fieldPathId, disabled, readonly, name, uiSchema }) {
  const props = Object.entries((schema.items && schema.items.properties) || {});
  const rows = Array.isArray(formData) ? formData : [];
  const required = (schema.items && schema.items.required) || [];
  const set = (next) => onChange(next, fieldPathId.path);
  const cell = (row, i, [key, p]) => {
    const v = row ? row[key] : undefined;
    const put = (x) => set(rows.map((r, j) => (j === i ? withValue(r, key, x) : r)));
    const common = { disabled: disabled || readonly, 'aria-label': `${p.title || humanize(key)} ${i + 1}` };
    if (p.type === 'boolean') return <input type="checkbox" checked={v === true} onChange={(e) => put(e.target.checked || undefined)} {...common} />;
    if (p.enum)
      return (
        <select value={v ?? ''} onChange={(e) => put(e.target.value === '' ? undefined : e.target.value)} {...common}>
          <option value="" />
          {p.enum.map((o) => (
            <option key={String(o)} value={o}>
              {String(o)}
            </option>
          ))}
        </select>
      );
    if (p.type === 'number' || p.type === 'integer')
      return <input type="number" value={v ?? ''} onChange={(e) => put(e.target.value === '' ? undefined : Number(e.target.value))} {...common} />;
    return <input type="text" value={v ?? ''} onChange={(e) => put(e.target.value === '' ? undefined : e.target.value)} {...common} />;
  };
  const title = (uiSchema && uiSchema['ui:title']) || schema.title || humanize(name);
  return (
    <fieldset className="rows-field" data-testid={`rows-${name}`}>
      <legend>{title}</legend>
      {schema.description ? <p className="muted">{schema.description}</p> : null}
      <table>
        <thead>
          <tr>
            {props.map(([k, p]) => (
              <th key={k}>
                {p.title || humanize(k)}
                {required.includes(k) ? '*' : ''}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {props.map((kp) => (
                <td key={kp[0]}>{cell(row, i, kp)}</td>
              ))}
              <td>
                <button type="button" className="secondary small" disabled={disabled || readonly} onClick={() => set(rows.filter((_, j) => j !== i))} aria-label={`Remove row ${i + 1}`}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary small" disabled={disabled || readonly} onClick={() => set([...rows, {}])} data-testid={`add-${name}`}>
        + Add
      </button>
    </fieldset>
  );
}

// withValue is row with key set to v (removed when v is undefined).
function withValue(row, key, v) {
  const out = { ...(row || {}) };
  if (v === undefined) delete out[key];
  else out[key] = v;
  return out;
}

// rowsFit reports whether an array's items are small flat objects that a
// table edits well.
function rowsFit(prop) {
  const items = prop && prop.type === 'array' && prop.items;
  if (!items || items.type !== 'object' || !items.properties) return false;
  const ps = Object.values(items.properties);
  return ps.length > 0 && ps.length <= 5 && ps.every((p) => p && (['string', 'number', 'integer', 'boolean'].includes(p.type) || p.enum) && !p['x-ref'] && !p.format);
}

// SummaryItemTemplate shows an item of a list of objects as one summary
// line (its title-like field, or its first text), opened to edit it; a
// new, empty item comes open.
function SummaryItemTemplate(props) {
  const { children, className, buttonsProps, hasToolbar, registry, uiSchema, index } = props;
  const ButtonsTemplate = getTemplate('ArrayFieldItemButtonsTemplate', registry, getUiOptions(uiSchema));
  const data = (children && children.props && children.props.formData) || {};
  const summary = summaryOf(data);
  return (
    <div className={`${className || ''} summary-item`} data-testid="summary-item">
      <details open={!summary}>
        <summary>
          <span className="muted">{index + 1}.</span> {summary || 'new item'}
        </summary>
        {children}
      </details>
      {hasToolbar ? (
        <div className="array-item-toolbox">
          <div className="btn-group">
            <ButtonsTemplate {...buttonsProps} />
          </div>
        </div>
      ) : null}
    </div>
  );
}

// summaryOf is an object's line: its title-like field, else its first
// values, shortened.
function summaryOf(o) {
  if (!o || typeof o !== 'object') return '';
  for (const f of ['title', 'name', 'label', 'heading', 'text', 'question', 'id']) if (typeof o[f] === 'string' && o[f]) return o[f].slice(0, 80);
  const parts = Object.entries(o)
    .filter(([, v]) => v !== null && v !== undefined && v !== '' && typeof v !== 'object')
    .slice(0, 3)
    .map(([k, v]) => `${humanize(k)}: ${v}`);
  return parts.join(' · ').slice(0, 80);
}
