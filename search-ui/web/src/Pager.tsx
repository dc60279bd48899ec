/** Page links under a result list: previous, the pages around the current one (first and last always), next. */
import { Link } from './router.tsx';

/** Page numbers shown: 1, the current ±2, the last; null where some are left out. */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 2) out.push(n);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

export function Pager({ page, pages, href, onPage }: { page: number; pages: number; href: (n: number) => string; onPage?: () => void }) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Sidor">
      {page > 1 ? <Link to={href(page - 1)} rel="prev" onNavigate={onPage}>← Föregående</Link> : <span aria-hidden="true" className="off">← Föregående</span>}
      <ul>{pageWindow(page, pages).map((n, i) => (
        <li key={n ?? `gap${i}`}>{n === null ? <span aria-hidden="true">…</span>
          : n === page ? <span aria-current="page" className="current">{n}<span className="visually-hidden"> (denna sida)</span></span>
          : <Link to={href(n)} aria-label={`Sida ${n}`} onNavigate={onPage}>{n}</Link>}</li>
      ))}</ul>
      {page < pages ? <Link to={href(page + 1)} rel="next" onNavigate={onPage}>Nästa →</Link> : <span aria-hidden="true" className="off">Nästa →</span>}
    </nav>
  );
}
