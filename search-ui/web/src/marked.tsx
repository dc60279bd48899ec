/**
 * A passage with its matches marked. The API sends HTML-escaped text with <mark> tags; this turns it
 * into React text and <mark> elements, so no document text is ever inserted as HTML.
 */
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

export function Marked({ html }: { html: string }) {
  const parts = html.split(/(<mark>.*?<\/mark>)/g).filter(Boolean);
  return <>{parts.map((p, i) => (p.startsWith('<mark>') ? <mark key={i}>{unescape(p.slice(6, -7))}</mark> : <span key={i}>{unescape(p)}</span>))}</>;
}
