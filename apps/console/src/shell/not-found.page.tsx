import { Link } from 'react-router';

/** A console address that names no page. */
export function NotFoundPage() {
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>
        There is no console page at this address. <Link to="/">Go to your first page</Link>.
      </p>
    </section>
  );
}
