/** Client-side routes in the URL path, search state in the query string (bookmarkable, shareable). */
import { useEffect, useState, type AnchorHTMLAttributes } from 'react';

export function navigate(to: string) {
  history.pushState(null, '', to);
  dispatchEvent(new PopStateEvent('popstate'));
}

/**
 * `path` with the current query string changed (null or '' removes a parameter): a new history
 * entry, or with `replace` the current one (typing, which Back should not step through letter by letter).
 */
export function setParams(path: string, url: URL, changes: Record<string, string | null>, replace = false) {
  const q = new URLSearchParams(url.search);
  for (const [k, v] of Object.entries(changes)) { if (v) q.set(k, v); else q.delete(k); }
  const to = `${path}${q.size ? `?${q}` : ''}`;
  if (!replace) return navigate(to);
  history.replaceState(null, '', to);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function useLocation(): URL {
  const [url, setUrl] = useState(() => new URL(location.href));
  useEffect(() => {
    const on = () => setUrl(new URL(location.href));
    addEventListener('popstate', on);
    return () => removeEventListener('popstate', on);
  }, []);
  return url;
}

type LinkProps = { to: string; children: React.ReactNode; onNavigate?: () => void } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'onClick'>;

/** An in-app link: keyboard and middle-click work like any link; a plain click stays in the page. */
export function Link({ to, children, onNavigate, ...rest }: LinkProps) {
  return (
    <a href={to} {...rest} onClick={(e) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      e.preventDefault();
      navigate(to);
      onNavigate?.();
    }}>{children}</a>
  );
}
