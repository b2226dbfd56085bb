// The schema builder: collections defined by form, with a raw JSON tab that
// edits the same schema, a dry run, and formulas tried as they are typed.
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError } from './api.js';
import { navigate, Link } from './router.jsx';
import CodeEditor from './CodeEditor.jsx';
import { FormulaInput } from './Playground.jsx';
import { useCollections } from './collections.js';
import { KINDS, FORMULA_KEYS, kindOf, withKind, set, setProp, renameProp, removeProp, moveProp, setRequired, freshName, clean, withOrder, ordered } from './schemaEdit.js';
import { Problem } from './ui.jsx';

const NAME = /^[a-z][a-z0-9_]{0,62}$/;
const FORMATS = ['', 'date', 'date-time', 'time', 'email', 'uri', 'uuid', 'hostname'];

function errorsUnder(errors, prefix) {
  return (errors || []).filter((e) => e.path === prefix || (e.path || '').startsWith(prefix + '/'));
}

function NumberInput({ value, onChange, label, testid }) {
  return (
    <label className="small">
      {label}
      <input type="number" value={value ?? ''} data-testid={testid} onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} />
    </label>
  );
}

// ListInput edits a comma-separated list, keeping the text as typed.
function ListInput({ value, onChange, numeric, label, testid }) {
  const parse = (t) =>
    t
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map((s) => (numeric && !isNaN(Number(s)) ? Number(s) : s));
  const [text, setText] = useState((value || []).join(', '));
  useEffect(() => {
    if (JSON.stringify(parse(text)) !== JSON.stringify(value || [])) setText((value || []).join(', '));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(value)]);
  return (
    <label className="grow">
      {label}
      <input
        value={text}
        data-testid={testid}
        placeholder="a, b, c"
        onChange={(e) => {
          setText(e.target.value);
          onChange(parse(e.target.value));
        }}
      />
    </label>
  );
}

function Check({ checked, onChange, children, testid }) {
  return (
    <label className="check">
      <input type="checkbox" checked={!!checked} data-testid={testid} onChange={(e) => onChange(e.target.checked)} /> {children}
    </label>
  );
}

function RefSelect({ value, onChange, collections, testid }) {
  const names = collections.includes(value) || !value ? collections : [value, ...collections];
  return (
    <label className="small">
      refers to
      <select value={value || ''} data-testid={testid} onChange={(e) => onChange(e.target.value)}>
        <option value="">(choose a collection)</option>
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}

// TypeDetails edits what depends on a property's kind.
function TypeDetails({ prop, onChange, collections, path, errors, top, collection }) {
  const kind = kindOf(prop);
  const tid = (s) => `${path}-${s}`;
  if (kind === 'string') {
    return (
      <div className="row wrap">
        <label className="small">
          format
          <select value={prop.format || ''} data-testid={tid('format')} onChange={(e) => onChange(set(prop, 'format', e.target.value))}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {f || '(text)'}
              </option>
            ))}
          </select>
        </label>
        <NumberInput label="min length" value={prop.minLength} testid={tid('minLength')} onChange={(v) => onChange(set(prop, 'minLength', v))} />
        <NumberInput label="max length" value={prop.maxLength} testid={tid('maxLength')} onChange={(v) => onChange(set(prop, 'maxLength', v))} />
        <label className="grow">
          pattern
          <input value={prop.pattern || ''} data-testid={tid('pattern')} placeholder="^[A-Z]+$" onChange={(e) => onChange(set(prop, 'pattern', e.target.value))} />
        </label>
        <ListInput label="allowed values (enum)" value={prop.enum} testid={tid('enum')} onChange={(v) => onChange(set(prop, 'enum', v))} />
      </div>
    );
  }
  if (kind === 'number' || kind === 'integer') {
    return (
      <div className="row wrap">
        <NumberInput label="minimum" value={prop.minimum} testid={tid('minimum')} onChange={(v) => onChange(set(prop, 'minimum', v))} />
        <NumberInput label="maximum" value={prop.maximum} testid={tid('maximum')} onChange={(v) => onChange(set(prop, 'maximum', v))} />
        <ListInput label="allowed values (enum)" numeric value={prop.enum} testid={tid('enum')} onChange={(v) => onChange(set(prop, 'enum', v))} />
      </div>
    );
  }
  if (kind === 'reference') {
    return (
      <div className="row wrap">
        <RefSelect value={prop['x-ref']} collections={collections} testid={tid('ref')} onChange={(v) => onChange({ ...prop, 'x-ref': v })} />
        <label className="small">
          when the target is deleted
          <select value={prop['x-on-delete'] || ''} data-testid={tid('ondelete')} onChange={(e) => onChange(set(prop, 'x-on-delete', e.target.value))}>
            <option value="">restrict (refuse)</option>
            <option value="cascade">cascade (delete this too)</option>
            <option value="set-null">set-null (clear the reference)</option>
          </select>
        </label>
      </div>
    );
  }
  if (kind === 'object') {
    return (
      <div className="nested">
        <ObjectFields obj={prop} onChange={onChange} collections={collections} path={path} errors={errors} pointer="" collection={collection} />
      </div>
    );
  }
  if (kind === 'array') {
    const items = prop.items || {};
    const itemKind = kindOf(items);
    return (
      <div className="nested">
        <div className="row wrap">
          <label className="small">
            list of
            <select value={itemKind} data-testid={tid('items')} onChange={(e) => onChange({ ...prop, items: withKind(items, e.target.value, collections) })}>
              {KINDS.filter((k) => k !== 'array').map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <NumberInput label="min items" value={prop.minItems} testid={tid('minItems')} onChange={(v) => onChange(set(prop, 'minItems', v))} />
          <NumberInput label="max items" value={prop.maxItems} testid={tid('maxItems')} onChange={(v) => onChange(set(prop, 'maxItems', v))} />
        </div>
        {itemKind !== 'boolean' ? (
          <TypeDetails prop={items} onChange={(it) => onChange({ ...prop, items: it })} collections={collections} path={path + '.items'} errors={errorsUnder(errors, '/items')} top={false} collection={collection} />
        ) : null}
      </div>
    );
  }
  return top ? null : null;
}

function FieldEditor({ name, prop, required, onRename, onChange, onRequired, onRemove, onMove, collections, path, errors, top, collection, taken }) {
  const [draft, setDraft] = useState(name);
  useEffect(() => setDraft(name), [name]);
  const [open, setOpen] = useState(true);
  const kind = kindOf(prop);
  const formulaKey = FORMULA_KEYS.find((k) => prop[k] !== undefined) || '';
  const nameError = !/^[A-Za-z][A-Za-z0-9_]*$/.test(draft) ? 'a name starts with a letter; letters, digits and _ only' : draft !== name && taken.includes(draft) ? 'another field has this name' : null;
  const own = (errors || []).filter((e) => !/\/(properties|items)\//.test(e.path.slice(1)) || e.path.split('/').length <= 2);
  return (
    <div className={`field-card ${open ? '' : 'closed'}`} data-testid={`field-${path}`}>
      <div className="row">
        <button type="button" className="icon" onClick={() => setOpen(!open)} aria-label={open ? 'collapse' : 'expand'}>
          {open ? '▾' : '▸'}
        </button>
        <label className="grow">
          name
          <input
            value={draft}
            data-testid={`${path}-name`}
            className={nameError ? 'invalid' : ''}
            onChange={(e) => {
              const v = e.target.value;
              setDraft(v);
              if (/^[A-Za-z][A-Za-z0-9_]*$/.test(v) && (v === name || !taken.includes(v))) onRename(v);
            }}
          />
          {nameError ? <span className="field-error">{nameError}</span> : null}
        </label>
        <label className="small">
          type
          <select value={kind} data-testid={`${path}-type`} onChange={(e) => onChange(withKind(prop, e.target.value, collections))}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <Check checked={required} onChange={onRequired} testid={`${path}-required`}>
          required
        </Check>
        <button type="button" className="icon" title="move up" onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" className="icon" title="move down" onClick={() => onMove(1)}>
          ↓
        </button>
        <button type="button" className="icon danger" title="remove field" data-testid={`${path}-remove`} onClick={onRemove}>
          ✕
        </button>
      </div>
      {open ? (
        <>
          <div className="row wrap">
            <label className="grow">
              title
              <input value={prop.title || ''} data-testid={`${path}-title`} onChange={(e) => onChange(set(prop, 'title', e.target.value))} />
            </label>
            <label className="grow">
              description
              <input value={prop.description || ''} data-testid={`${path}-description`} onChange={(e) => onChange(set(prop, 'description', e.target.value))} />
            </label>
          </div>
          <TypeDetails prop={prop} onChange={onChange} collections={collections} path={path} errors={errors} top={top} collection={collection} />
          <div className="row wrap">
            {top && kind !== 'object' && kind !== 'array' ? (
              <>
                <Check checked={prop['x-index']} testid={`${path}-index`} onChange={(v) => onChange(set(prop, 'x-index', v))}>
                  indexed
                </Check>
                <Check checked={prop['x-unique']} testid={`${path}-unique`} onChange={(v) => onChange(set(prop, 'x-unique', v))}>
                  unique
                </Check>
              </>
            ) : null}
            <Check checked={prop['x-private']} testid={`${path}-private`} onChange={(v) => onChange(set(prop, 'x-private', v))}>
              private
            </Check>
            {top ? (
              <label className="small">
                value from a formula
                <select
                  value={formulaKey}
                  data-testid={`${path}-formulaKind`}
                  onChange={(e) => {
                    let p = prop;
                    const expr = formulaKey ? prop[formulaKey] : '';
                    for (const k of FORMULA_KEYS) p = set(p, k, undefined);
                    if (e.target.value) p = { ...p, [e.target.value]: expr };
                    onChange(p);
                  }}
                >
                  <option value="">no (entered by authors)</option>
                  <option value="x-formula">stored formula (x-formula)</option>
                  <option value="x-computed">computed on read (x-computed)</option>
                  <option value="x-default">default on create (x-default)</option>
                </select>
              </label>
            ) : null}
          </div>
          {formulaKey ? (
            <FormulaInput
              value={prop[formulaKey]}
              onChange={(v) => onChange({ ...prop, [formulaKey]: v })}
              collection={collection}
              label={`${formulaKey} of ${name}`}
              testid={`${path}-formula`}
              serverError={errorsUnder(errors, '/' + formulaKey).map((e) => e.message).join('; ')}
            />
          ) : null}
          {own.length ? (
            <ul className="field-errors" data-testid={`${path}-errors`}>
              {own.map((e, i) => (
                <li key={i}>{e.message}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

// ObjectFields edits the properties of an object schema.
function ObjectFields({ obj, onChange, collections, path, errors, top = false, collection }) {
  const props = Object.entries(obj.properties || {});
  const required = obj.required || [];
  const names = props.map(([k]) => k);
  return (
    <div className="fields">
      {props.map(([name, prop], i) => (
        <FieldEditor
          key={i}
          name={name}
          prop={prop}
          top={top}
          taken={names}
          required={required.includes(name)}
          collections={collections}
          collection={collection}
          path={path ? `${path}.${i}` : `f${i}`}
          errors={errorsUnder(errors, `/properties/${name}`).map((e) => ({ ...e, path: e.path.slice(`/properties/${name}`.length) }))}
          onRename={(to) => onChange(renameProp(obj, name, to))}
          onChange={(p) => onChange(setProp(obj, name, p))}
          onRequired={(on) => onChange(setRequired(obj, name, on))}
          onRemove={() => onChange(removeProp(obj, name))}
          onMove={(d) => onChange(moveProp(obj, name, d))}
        />
      ))}
      <button type="button" className="secondary" data-testid={`${path || 'root'}-add-field`} onClick={() => onChange(setProp(obj, freshName(obj), { type: 'string' }))}>
        + Add field
      </button>
    </div>
  );
}

const ACCESS = ['list', 'read', 'create', 'update', 'delete'];

function RulesAndAccess({ schema, setSchema, collection, errors }) {
  const rules = Array.isArray(schema['x-rules']) ? schema['x-rules'] : [];
  const access = schema['x-access'] && typeof schema['x-access'] === 'object' ? schema['x-access'] : {};
  const setRules = (r) => setSchema(set(schema, 'x-rules', r));
  return (
    <div>
      <h3>Rules</h3>
      <p className="muted">Each rule is a formula that must hold on every create and update; otherwise the write is refused with its message.</p>
      {rules.map((rule, i) => (
        <div className="field-card" key={i} data-testid={`rule-${i}`}>
          <div className="row">
            <label className="grow">
              message
              <input value={rule.message || ''} data-testid={`rule-${i}-message`} onChange={(e) => setRules(rules.map((r, j) => (j === i ? { ...r, message: e.target.value } : r)))} />
            </label>
            <button type="button" className="icon danger" title="remove rule" onClick={() => setRules(rules.filter((_, j) => j !== i))}>
              ✕
            </button>
          </div>
          <FormulaInput
            value={rule.when || ''}
            mode="bool"
            collection={collection}
            label={`rule ${i + 1}`}
            testid={`rule-${i}-when`}
            serverError={errorsUnder(errors, `/x-rules/${i}`).map((e) => e.message).join('; ')}
            onChange={(v) => setRules(rules.map((r, j) => (j === i ? { ...r, when: v } : r)))}
          />
        </div>
      ))}
      <button type="button" className="secondary" data-testid="add-rule" onClick={() => setSchema({ ...schema, 'x-rules': [...rules, { when: '', message: '' }] })}>
        + Add rule
      </button>
      <h3>Access</h3>
      <p className="muted">
        Who may do what: a formula with <code>auth</code> (the caller) and <code>doc</code> in scope. Empty means the default.
      </p>
      {ACCESS.map((op) => (
        <div className="field-card" key={op}>
          <div className="label">{op}</div>
          <FormulaInput
            value={access[op] || ''}
            mode="bool"
            collection={collection}
            label={`access ${op}`}
            testid={`access-${op}`}
            serverError={errorsUnder(errors, `/x-access/${op}`).map((e) => e.message).join('; ')}
            onChange={(v) => {
              const a = set(access, op, v);
              setSchema(set(schema, 'x-access', Object.keys(a).length ? a : undefined));
            }}
          />
        </div>
      ))}
      <h3>Audience</h3>
      <p className="muted">Content targeting: a document is delivered only where this formula holds for the reader.</p>
      <FormulaInput value={schema['x-audience'] || ''} mode="bool" collection={collection} label="audience" testid="audience" onChange={(v) => setSchema(set(schema, 'x-audience', v))} />
    </div>
  );
}

function DryRunReport({ report, collection }) {
  if (!report) return null;
  return (
    <div className="report" data-testid="dryrun-report">
      <strong>
        {report.invalidCount
          ? `${report.invalidCount} of ${report.documents} stored documents would no longer be valid.`
          : `All ${report.documents} stored documents stay valid.`}
      </strong>
      {report.recomputed ? <span> {report.recomputed} would be recomputed.</span> : null}
      {(report.invalid || []).length ? (
        <table>
          <thead>
            <tr>
              <th>document</th>
              <th>field</th>
              <th>problem</th>
            </tr>
          </thead>
          <tbody>
            {report.invalid.map((d, i) => (
              <tr key={i}>
                <td>
                  <Link to={`/c/${collection}/${encodeURIComponent(d.id)}`}>{d.id}</Link>
                </td>
                <td>
                  <code>{d.path || '/'}</code>
                </td>
                <td>{d.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {(report.warnings || []).length ? <ul>{report.warnings.map((w, i) => <li key={i}>{typeof w === 'string' ? w : JSON.stringify(w)}</li>)}</ul> : null}
    </div>
  );
}

export default function SchemaBuilder({ name: existing }) {
  const { names, reload } = useCollections();
  const [name, setName] = useState(existing || '');
  const [schema, setSchema] = useState(existing ? null : { type: 'object', title: '', properties: {}, required: [] });
  const [tab, setTab] = useState('fields');
  const [jsonText, setJsonText] = useState('');
  const [jsonError, setJsonError] = useState(null);
  const [error, setError] = useState(null);
  const [report, setReport] = useState(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(() => (existing && new URLSearchParams(location.search).has('created') ? `Saved ${existing}: the collection is live.` : null));

  useEffect(() => {
    if (!existing) return;
    api.schema(existing).then((d) => setSchema(ordered(clean(d))), setError);
  }, [existing]);

  // The JSON tab follows the builder unless it holds the same schema.
  useEffect(() => {
    if (!schema) return;
    let same = false;
    try {
      same = JSON.stringify(JSON.parse(jsonText)) === JSON.stringify(schema);
    } catch {
      same = false;
    }
    if (!same) {
      setJsonText(JSON.stringify(schema, null, 2));
      setJsonError(null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [schema]);

  const collections = useMemo(() => {
    const list = names.filter((n) => !n.startsWith('_'));
    if (name && !list.includes(name) && NAME.test(name)) list.push(name);
    return list;
  }, [names, name]);

  if (!schema) return error ? <Problem error={error} /> : <p className="muted">Loading…</p>;

  const nameError = !existing && name && !NAME.test(name) ? 'lower-case letters, digits and _, starting with a letter' : null;
  const errors = error instanceof ApiError ? error.errors : [];
  const rootErrors = errors.filter((e) => !e.path.startsWith('/properties/') && !e.path.startsWith('/x-rules/') && !e.path.startsWith('/x-access/'));

  async function put(query) {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const res = await api.putSchema(name, withOrder(schema), query);
      if (query && query.dryRun) {
        setReport(res);
      } else {
        setReport(null);
        setConflict(false);
        setSaved(`Saved ${name}.`);
        await reload();
        if (!existing) navigate(`/collections/${name}?created`, { replace: true });
      }
    } catch (err) {
      setError(err);
      if (err.status === 409 && err.problem && (err.problem.invalid || err.problem.invalidCount !== undefined)) {
        setReport(err.problem);
        setConflict(true);
      }
    } finally {
      setBusy(false);
    }
  }

  async function remove(force) {
    if (!force && !confirm(`Delete the collection ${name}?`)) return;
    try {
      await api.deleteSchema(name, force ? { force: true } : undefined);
      await reload();
      navigate('/collections');
    } catch (err) {
      if (err.status === 409 && !force && confirm(`${err.message}\n\nDelete the collection and all its documents?`)) return remove(true);
      setError(err);
    }
  }

  const canSave = name && !nameError && !jsonError && !busy;
  return (
    <div className="page" data-testid="schema-builder">
      <div className="page-head">
        <h1>{existing ? `Collection ${existing}` : 'New collection'}</h1>
        {existing ? (
          <div className="actions">
            <Link to={`/c/${existing}`} className="button secondary">
              Documents
            </Link>
            <button type="button" className="danger" data-testid="delete-collection" onClick={() => remove(false)}>
              Delete collection
            </button>
          </div>
        ) : null}
      </div>
      <div className="row wrap">
        <label className="grow">
          name
          <input value={name} disabled={!!existing} data-testid="collection-name" placeholder="exams" onChange={(e) => setName(e.target.value.trim())} />
          {nameError ? <span className="field-error">{nameError}</span> : null}
        </label>
        <label className="grow">
          title
          <input value={schema.title || ''} data-testid="collection-title" onChange={(e) => setSchema(set(schema, 'title', e.target.value))} />
        </label>
        <label className="grow">
          description
          <input value={schema.description || ''} data-testid="collection-description" onChange={(e) => setSchema(set(schema, 'description', e.target.value))} />
        </label>
      </div>
      <div className="row wrap">
        <Check checked={schema['x-publish']} testid="collection-publish" onChange={(v) => setSchema(set(schema, 'x-publish', v))}>
          draft / published workflow (x-publish)
        </Check>
        <Check checked={schema.additionalProperties === false} testid="collection-closed" onChange={(v) => setSchema(set(schema, 'additionalProperties', v ? false : undefined))}>
          refuse fields not listed
        </Check>
        <label className="small">
          documents are named by
          <select value={schema['x-title'] || ''} data-testid="collection-xtitle" onChange={(e) => setSchema(set(schema, 'x-title', e.target.value))}>
            <option value="">(automatic)</option>
            {Object.keys(schema.properties || {}).map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="tabs" role="tablist">
        {[
          ['fields', 'Fields'],
          ['rules', 'Rules & access'],
          ['json', 'JSON'],
        ].map(([k, label]) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} data-testid={`tab-${k}`} className={tab === k ? 'active' : ''} onClick={() => setTab(k)}>
            {label}
          </button>
        ))}
      </div>
      {tab === 'fields' ? <ObjectFields obj={schema} onChange={setSchema} collections={collections} path="" errors={errors} top collection={existing} /> : null}
      {tab === 'rules' ? <RulesAndAccess schema={schema} setSchema={setSchema} collection={existing} errors={errors} /> : null}
      {tab === 'json' ? (
        <div>
          <CodeEditor
            value={jsonText}
            language="json"
            label="schema JSON"
            testid="schema-json"
            onChange={(t) => {
              setJsonText(t);
              try {
                const v = JSON.parse(t);
                if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('a schema is a JSON object');
                setJsonError(null);
                setSchema(v);
              } catch (e) {
                setJsonError(e.message);
              }
            }}
          />
          {jsonError ? <div className="field-error">{jsonError}</div> : null}
        </div>
      ) : null}
      {error ? <Problem error={error} errors={rootErrors} /> : null}
      {saved ? (
        <div className="notice ok" data-testid="saved">
          {saved}
        </div>
      ) : null}
      <DryRunReport report={report} collection={name} />
      <div className="actions sticky">
        <button type="button" className="secondary" disabled={!canSave} data-testid="dry-run" onClick={() => put({ dryRun: true })}>
          Dry run
        </button>
        <button type="button" disabled={!canSave} data-testid="save-schema" onClick={() => put()}>
          {existing ? 'Save changes' : 'Create collection'}
        </button>
        {conflict ? (
          <button type="button" className="danger" data-testid="force-save" onClick={() => put({ force: true })}>
            Save anyway
          </button>
        ) : null}
      </div>
    </div>
  );
}
