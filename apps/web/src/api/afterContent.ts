import { ApolloLink } from '@apollo/client';
import { useSyncExternalStore } from 'react';
import { finalize } from 'rxjs';

/**
 * Secondary queries (the header's counts, the choices of a form's person picker) wait until the
 * first page's main content has been shown, so that on a cold load the browser asks for the
 * session and for the page, and nothing else, before the page appears.
 *
 * "Shown" is read from the GraphQL traffic: once a query other than the session's has answered and
 * nothing is in flight any more, after the next frame has been painted. A page that asks for
 * nothing (or a server that never answers) releases them after FALLBACK_MS. Once released they
 * stay released: later pages of the same visit load as before.
 */
const FALLBACK_MS = 4000;
/** The session's query: the page's content comes after it, so its answer releases nothing. */
const SESSION_OPERATIONS = new Set(['Me']);

type Listener = () => void;

export interface ContentGate {
  /** True once the first content has been shown. */
  readonly released: boolean;
  subscribe(listener: Listener): () => void;
  /** An operation starts (by name); returns the function that says it finished. */
  started(operationName: string): () => void;
  /** Releases at once. */
  release(): void;
}

export function createContentGate({
  afterPaint = (fn: () => void) =>
    requestAnimationFrame(() => {
      setTimeout(fn, 0);
    }),
  fallbackMs = FALLBACK_MS,
}: { afterPaint?: (fn: () => void) => void; fallbackMs?: number } = {}): ContentGate {
  const listeners = new Set<Listener>();
  let released = false;
  let inFlight = 0;
  let pageAnswered = false;
  let pending = 0;

  const release = () => {
    if (released) return;
    released = true;
    clearTimeout(fallback);
    listeners.forEach((listener) => listener());
  };
  const fallback = setTimeout(release, fallbackMs);

  const settleLater = () => {
    const attempt = ++pending;
    afterPaint(() => {
      if (attempt === pending && inFlight === 0) release();
    });
  };

  return {
    get released() {
      return released;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    started(operationName) {
      if (released) return () => undefined;
      inFlight++;
      pending++;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        inFlight--;
        if (!SESSION_OPERATIONS.has(operationName)) pageAnswered = true;
        if (pageAnswered && inFlight === 0 && !released) settleLater();
      };
    },
    release,
  };
}

export const contentGate = createContentGate();

/** Counts the operations in flight for the gate. */
export const contentGateLink = new ApolloLink((operation, forward) => {
  const finished = contentGate.started(operation.operationName ?? '');
  return forward(operation).pipe(finalize(finished));
});

/** False until the first page's content has been shown; then true for the rest of the visit. */
export function useAfterContent(): boolean {
  return useSyncExternalStore(
    (listener) => contentGate.subscribe(listener),
    () => contentGate.released,
    () => contentGate.released,
  );
}
