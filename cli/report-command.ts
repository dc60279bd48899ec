/**
 * `minutes report --period 2019-2022 [--body NAME] [--out DIR] [--queries FILE]`: the mandate-period
 * review as a self-contained HTML page and a Markdown file (with the chart beside it as SVG).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { reportData, reportDocuments, type ReportData } from '../index/archive-report.ts';
import type { ArchiveIndex } from '../index/index.ts';
import { formatEval, type ModeResult } from './eval-command.ts';

/** Themes per year as a stacked bar chart, rendered to SVG by Vega-Lite (no browser needed). */
export async function themeChartSvg(data: ReportData): Promise<string> {
  const spec = compile({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Teman per år (antal dokument)',
    width: 520, height: 260,
    data: { values: data.themesPerYear },
    mark: 'bar',
    encoding: {
      x: { field: 'year', type: 'ordinal', title: 'År' },
      y: { field: 'documents', type: 'quantitative', title: 'Dokument' },
      color: { field: 'theme', type: 'nominal', title: 'Tema' },
    },
  }).spec;
  return new vega.View(vega.parse(spec), { renderer: 'none' }).toSVG();
}

const esc = (s: unknown) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pct = (x: number) => `${Math.round(x * 100)} %`;

function tables(d: ReportData) {
  return [
    { id: 'moten', title: 'Möten per organ och år', head: ['Organ', 'År', 'Möten'], rows: d.meetings.map((m) => [m.body, m.year, m.count]) },
    { id: 'narvaro', title: 'Närvaro per ledamot', head: ['Namn', 'Parti', 'Närvarande', 'varav vissa §§', 'Frånvarande', 'Närvaro'], rows: d.attendance.map((a) => [a.name, a.parties.join(', '), a.present, a.partial, a.absent, pct(a.rate)]) },
    { id: 'ovriga', title: 'Övriga närvarande (tjänstepersoner, föredragande, gäster)', head: ['Namn', 'Roll', 'Möten'], rows: d.others.map((o) => [o.name, o.roles.join(', '), o.present]) },
    { id: 'organisationer', title: 'Vanligaste organisationer', head: ['Organisation', 'Typ', 'Dokument'], rows: d.organisations.map((o) => [o.name, o.kind, o.documents]) },
    { id: 'personer', title: 'Personer i flest möten', head: ['Namn', 'Parti', 'Närvarande', 'Frånvarande', 'Omnämnd'], rows: d.persons.map((p) => [p.name, p.parties.join(', '), p.present, p.absent, p.mentioned]) },
  ];
}

export function renderHtml(d: ReportData, chartSvg: string, evalResults: ModeResult[] | null): string {
  const title = `Mandatperiodens genomgång ${d.period.replace('-', '–')}${d.body ? ` – ${d.body}` : ''}`;
  const table = (t: ReturnType<typeof tables>[number]) => `<section id="${t.id}"><h2>${esc(t.title)}</h2>${t.rows.length ? `<table><thead><tr>${t.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${t.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>` : '<p>Inga uppgifter.</p>'}</section>`;
  const decisions = d.decisions.map((x) => `<li><time>${esc(x.date)}</time> <strong>${esc(x.body)}</strong> – ${esc(x.text)} <a href="${esc(pathToFileURL(x.source).href)}">${esc(x.fileName)}</a>${x.section ? ` <span class="section">(${esc(x.section)})</span>` : ''}</li>`).join('');
  return `<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.25rem .6rem;text-align:left}th{background:#f3f3f3}td:nth-child(n+3){text-align:right}ol li{margin:.3rem 0}.section{color:#666}figure{margin:1rem 0}</style>
</head><body>
<h1>${esc(title)}</h1>
<p>${d.documents} dokument i perioden. Underlag: minutes-archive, ${esc(new Date().toISOString().slice(0, 10))}.</p>
<section id="teman"><h2>Teman per år</h2><figure>${chartSvg}</figure></section>
${tables(d).map(table).join('\n')}
<section id="beslut"><h2>Beslut i datumordning</h2>${d.decisions.length ? `<ol>${decisions}</ol>` : '<p>Inga beslut.</p>'}</section>
${evalResults ? `<section id="utvardering"><h2>Utvärdering av sökningen</h2><pre>${esc(formatEval(evalResults, 10).split('\n\n')[0])}</pre></section>` : ''}
</body></html>
`;
}

export function renderMarkdown(d: ReportData, chartFile: string, evalResults: ModeResult[] | null): string {
  const md = (s: unknown) => String(s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out = [`# Mandatperiodens genomgång ${d.period.replace('-', '–')}${d.body ? ` – ${d.body}` : ''}`, '', `${d.documents} dokument i perioden.`, '', '## Teman per år', '', `![Teman per år](${chartFile})`, ''];
  for (const t of tables(d)) {
    out.push(`## ${t.title}`, '', `| ${t.head.join(' | ')} |`, `|${t.head.map(() => '---').join('|')}|`, ...t.rows.map((r) => `| ${r.map(md).join(' | ')} |`), '');
  }
  out.push('## Beslut i datumordning', '', ...d.decisions.map((x) => `- ${x.date ?? ''} **${md(x.body)}** – ${md(x.text)} ([${md(x.fileName)}](${pathToFileURL(x.source).href}))`), '');
  if (evalResults) out.push('## Utvärdering av sökningen', '', formatEval(evalResults, 10).split('\n\n')[0]!, '');
  return out.join('\n');
}

export async function writeReport(index: ArchiveIndex, opts: { period: string; body: string | null; out: string; evalResults: ModeResult[] | null }): Promise<{ html: string; markdown: string; data: ReportData }> {
  const data = reportData(await reportDocuments(index, opts.period, opts.body), opts.period, opts.body);
  const svg = await themeChartSvg(data);
  mkdirSync(opts.out, { recursive: true });
  const base = `rapport-${opts.period}${opts.body ? `-${opts.body.toLowerCase().replace(/[^a-zåäö0-9]+/g, '-')}` : ''}`;
  const html = path.join(opts.out, `${base}.html`);
  const markdown = path.join(opts.out, `${base}.md`);
  writeFileSync(path.join(opts.out, `${base}-teman.svg`), svg);
  writeFileSync(html, renderHtml(data, svg, opts.evalResults));
  writeFileSync(markdown, renderMarkdown(data, `${base}-teman.svg`, opts.evalResults));
  return { html, markdown, data };
}
