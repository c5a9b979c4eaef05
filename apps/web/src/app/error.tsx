'use client';

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="container" id="main" tabIndex={-1}>
      <h1>Something went wrong</h1>
      <p className="muted">
        The page could not be shown{error.digest ? ` (reference ${error.digest})` : ''}. Try again,
        and tell us if it keeps happening.
      </p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
