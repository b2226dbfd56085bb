// Small pieces every screen uses: loading data, showing problems, dates.
import { type DependencyList, type ReactNode, useCallback, useEffect, useId, useState } from 'react';
import { problemText } from './api/client';

/** The answer of an openapi-fetch call: data, or an error (a problem). */
interface Answer<T> {
  data?: T;
  error?: unknown;
}

/** What useLoad gives: the data once loaded, the problem if it failed. */
export interface Loaded<T> {
  data: T | undefined;
  error: string;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs an API call when deps change and keeps its answer; an answer that
 * arrives after the deps changed again is dropped.
 */
export function useLoad<T>(call: () => Promise<Answer<T>>, deps: DependencyList): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error: string; loading: boolean }>({ error: '', loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    call().then(
      (res) => {
        if (!live) return;
        if (res.data !== undefined) setState({ data: res.data, error: '', loading: false });
        else setState({ error: problemText(res.error), loading: false });
      },
      (err: unknown) => live && setState({ error: problemText(err), loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload, data: state.data };
}

/** Shows a loading line, a problem, or the children once loaded. */
export function Status({ of, children }: { of: Loaded<unknown>; children: () => ReactNode }) {
  if (of.error) return <Alert>{of.error}</Alert>;
  if (of.data === undefined) return <p className="muted" role="status">Loading…</p>;
  return <>{children()}</>;
}

/** A problem, announced to screen readers. */
export function Alert({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p className="alert" role="alert" data-testid="problem">
      {children}
    </p>
  );
}

/** A labelled form control: the label names it, the hint describes it. */
export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: (props: { id: string; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? id + '-hint' : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': hintId })}
      {hint && (
        <small id={hintId} className="muted">
          {hint}
        </small>
      )}
    </div>
  );
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A date as the reader's locale writes it; '' for none. */
export function day(iso: string | undefined | null): string {
  return iso ? dateFormat.format(new Date(iso)) : '';
}

/** A date and time as the reader's locale writes them. */
export function moment(iso: string | undefined | null): string {
  return iso ? dateTimeFormat.format(new Date(iso)) : '';
}

/** A status as a coloured tag with its word (colour is never the only cue). */
export function Tag({ value }: { value: string | undefined }) {
  if (!value) return null;
  return <span className={'tag tag-' + value}>{value}</span>;
}
