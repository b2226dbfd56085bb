// The API client: openapi-fetch typed by src/api/schema.d.ts, which
// openapi-typescript generates from the server's own OpenAPI document (npm
// run types). Nothing here declares an API type by hand.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

/** The spec's schemas, by name: Schemas['Credential'], Schemas['Exam']. */
export type Schemas = components['schemas'];
/** An RFC 9457 problem, as every error of the API answers. */
export type Problem = Schemas['Problem'];
type Tokens = Schemas['AuthTokens'];

const refreshKey = 'credence.portal.refresh';

/**
 * The session: the access token (5 minutes) in memory only, the refresh
 * token in localStorage so that a reload stays signed in. A refresh token
 * works once: each refresh stores the new one. Listeners hear sign-in and
 * sign-out.
 */
class Session {
  private access = '';
  private expires = 0; // epoch ms
  private refreshing: Promise<boolean> | null = null;
  private listeners = new Set<() => void>();

  get signedIn(): boolean {
    return this.access !== '' || localStorage.getItem(refreshKey) !== null;
  }

  /** Keeps the tokens of a sign-in or a verification, and tells the listeners. */
  start(t: Tokens): void {
    this.keep(t);
    this.emit();
  }

  /** Keeps tokens; a refresh changes no one's identity, so it tells no one. */
  private keep(t: Tokens): void {
    this.access = t.accessToken;
    this.expires = Date.now() + t.expiresIn * 1000;
    localStorage.setItem(refreshKey, t.refreshToken);
  }

  /** Forgets the tokens (the caller tells the server first). */
  end(): void {
    this.access = '';
    this.expires = 0;
    localStorage.removeItem(refreshKey);
    this.emit();
  }

  refreshToken(): string | null {
    return localStorage.getItem(refreshKey);
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }

  /**
   * An access token valid for the next 30 seconds, refreshed first when
   * needed (once, however many requests wait for it); '' when signed out.
   */
  async token(): Promise<string> {
    if (this.access !== '' && Date.now() < this.expires - 30_000) return this.access;
    const refresh = this.refreshToken();
    if (refresh === null) return '';
    this.refreshing ??= (async () => {
      // A bare client: the refresh must not go through this middleware.
      const { data } = await bare.POST('/auth/refresh', { body: { refreshToken: refresh } });
      if (data === undefined) {
        this.end(); // used up, expired or revoked: signed out
        return false;
      }
      this.keep(data);
      return true;
    })().finally(() => {
      this.refreshing = null;
    });
    await this.refreshing;
    return this.access;
  }
}

/** The session of this browser. */
export const session = new Session();

const bare = createClient<paths>({ baseUrl: '' });

const authorize: Middleware = {
  async onRequest({ request, schemaPath }) {
    if (schemaPath.startsWith('/auth/') && schemaPath !== '/auth/me' && schemaPath !== '/auth/sessions') {
      return request;
    }
    const token = await session.token();
    if (token !== '') request.headers.set('Authorization', 'Bearer ' + token);
    return request;
  },
};

/** The typed client: same origin, the session's token on each call. */
export const api = createClient<paths>({ baseUrl: '' });
api.use(authorize);

/** A sentence for a problem (or any error) to show the user. */
export function problemText(error: unknown): string {
  if (error && typeof error === 'object') {
    const p = error as Partial<Problem>;
    const first = Array.isArray(p.errors) && p.errors.length > 0 ? p.errors[0] : undefined;
    const where = first && typeof first === 'object' && 'message' in first ? String(first.message) : '';
    if (p.detail) return where && !p.detail.includes(where) ? `${p.detail}: ${where}` : p.detail;
    if (p.title) return p.title;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong. Try again.';
}

/** An expr-lang string literal for a value typed by the user. */
export function literal(s: string): string {
  return JSON.stringify(s);
}

/** The id of a reference that may have been expanded. */
export function idOf(ref: string | { id: string } | undefined): string {
  return typeof ref === 'string' ? ref : (ref?.id ?? '');
}

/** The document of a reference, when it was expanded. */
export function expanded<T extends { id: string }>(ref: string | T | undefined): T | undefined {
  return typeof ref === 'object' ? ref : undefined;
}
