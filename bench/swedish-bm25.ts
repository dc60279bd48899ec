/**
 * The peer search is measured against: what an Elasticsearch index with its built-in `swedish`
 * analyzer does — whole documents, Unicode word tokens, lower case, Lucene's Swedish stop set,
 * the Snowball Swedish stemmer, BM25 (k1 1.2, b 0.75, Lucene's idf), OR over the query's terms.
 * Our own implementation, independent of the project's analysis module on purpose (no extra
 * stemming step, no compounds, no synonyms).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stemmer } from '@orama/stemmers/swedish';
import { PROJECT_ROOT } from '../lib/config.ts';

const STOP = new Set<string>(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data', 'peer', 'lucene-swedish-stopwords.json'), 'utf8')).stopWords);
const K1 = 1.2;
const B = 0.75;

export function peerAnalyze(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => !STOP.has(t)).map((t) => stemmer(t));
}

export class SwedishBm25 {
  private docs: { name: string; tf: Map<string, number>; length: number }[] = [];
  private df = new Map<string, number>();

  add(name: string, text: string): void {
    const terms = peerAnalyze(text);
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    this.docs.push({ name, tf, length: terms.length });
  }

  search(q: string, k = 10): string[] {
    const n = this.docs.length;
    const avg = this.docs.reduce((s, d) => s + d.length, 0) / Math.max(n, 1);
    const terms = [...new Set(peerAnalyze(q))];
    return this.docs.map((d) => {
      let score = 0;
      for (const t of terms) {
        const f = d.tf.get(t);
        if (!f) continue;
        const df = this.df.get(t)!;
        score += Math.log(1 + (n - df + 0.5) / (df + 0.5)) * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * d.length) / avg)));
      }
      return { name: d.name, score };
    }).filter((d) => d.score > 0).sort((a, b) => b.score - a.score).slice(0, k).map((d) => d.name);
  }
}
