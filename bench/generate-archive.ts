/**
 * A synthetic archive of realistic Swedish meeting documents for benchmarks:
 *   npx tsx bench/generate-archive.ts DIR --docs 1000 [--seed 1]
 * 80 % are text/Markdown minutes and protocols written from templates (bodies, members with parties,
 * agenda items on the project's themes, decisions, dates over 2015–2026, Swedish vocabulary); 10 % are
 * DOCX and 10 % PDF files from the bundled sample archive under new names (real files, real parsing
 * cost). Deterministic for a given seed.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SAMPLE_ARCHIVE } from '../lib/config.ts';
import { themeTaxonomy } from '../lib/reference-data.ts';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'bench-archive';
const opt = (name: string, fallback: number) => { const i = args.indexOf(`--${name}`); return i >= 0 ? Number(args[i + 1]) : fallback; };
const total = opt('docs', 1000);
let seed = opt('seed', 1);
const rand = () => { seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31; return seed / 2 ** 31; };
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;

const FIRST = ['Anna', 'Erik', 'Karin', 'Lars', 'Maria', 'Johan', 'Eva', 'Per', 'Sofia', 'Mikael', 'Ingrid', 'Anders', 'Lena', 'Fredrik', 'Åsa', 'Björn', 'Elin', 'Göran', 'Malin', 'Tomas'];
const LAST = ['Andersson', 'Berg', 'Lindqvist', 'Öberg', 'Nyström', 'Ek', 'Sjöberg', 'Holm', 'Åkerlund', 'Wikström', 'Dahl', 'Lund', 'Söderström', 'Hellberg', 'Strand'];
const PARTIES = ['S', 'M', 'C', 'KD', 'V', 'L', 'MP', 'SD'];
const BODIES: [string, string][] = [['Kommunstyrelsen', 'Arvika kommun'], ['Kommunstyrelsen', 'Karlstads kommun'], ['Värmlandsrådet', 'Region Värmland'], ['Ordföranderådet', 'Region Värmland'], ['Regionala samverkansrådet', 'Region Örebro län'], ['Barn- och utbildningsnämnden', 'Kils kommun'], ['Regionstyrelsen', 'Region Värmland']];
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'augusti', 'september', 'oktober', 'november', 'december'];
const VERBS = ['redovisade', 'informerade om', 'berättade om', 'gick igenom', 'presenterade'];
const FILL = ['Frågan diskuterades utförligt och flera ledamöter lyfte behovet av samverkan mellan kommunerna.', 'Arbetet följs upp under hösten och en rapport lämnas till nästa möte.', 'Kostnaderna beräknas inom befintlig budget men påverkar planeringen för kommande år.', 'Flera kommuner vittnar om svårigheter att rekrytera och behålla personal.', 'Länsstyrelsen och regionen har en viktig roll i samordningen.'];
const themes = themeTaxonomy();

function person() { return `${pick(FIRST)} ${pick(LAST)}`; }

function textDocument(i: number): string {
  const [body, org] = pick(BODIES);
  const year = 2015 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const month = pick(MONTHS);
  const protocol = body.startsWith('Kommun') || body.startsWith('Region') || body.includes('nämnd');
  const members = Array.from({ length: 6 + Math.floor(rand() * 6) }, () => `${person()} (${pick(PARTIES)})\t${org}`);
  const items = Array.from({ length: 4 + Math.floor(rand() * 6) }, (_, n) => {
    const theme = pick(themes);
    const term = pick(theme.terms).replace('*', '');
    const paragraphs = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => `${person()} ${pick(VERBS)} ${term} i länet. ${pick(FILL)} ${pick(FILL)}`);
    const decision = rand() < 0.5 ? `\n\n${body} beslutar att godkänna redovisningen om ${term}.` : '';
    return `### ${protocol ? `§ ${n + 1}` : `${n + 1}.`} ${theme.label}\n\n${paragraphs.join('\n\n')}${decision}`;
  });
  return [
    `## ${protocol ? 'Protokoll' : 'Minnesanteckningar'} ${body} ${day} ${month} ${year}`,
    '', `Plats: ${org.replace(/s? kommun$/, '')}, sammanträdesrummet`, '', `Dnr ${body.slice(0, 2).toUpperCase()} ${year}/${100 + i}`, '',
    '### Närvarande', '', ...members.map((m, k) => (k % 5 === 4 ? `<del>${m.split('\t')[0]}</del>\t<del>${org}</del>` : m)), '',
    ...items, '', '### Nästa möte', '', `Nästa möte hålls den ${day} ${pick(MONTHS)} ${year} kl 9-12.`, '',
  ].join('\n');
}

mkdirSync(dir, { recursive: true });
const binaries = readdirSync(SAMPLE_ARCHIVE).filter((f) => /\.(pdf|docx)$/.test(f));
const docx = binaries.filter((f) => f.endsWith('.docx'));
const pdf = binaries.filter((f) => f.endsWith('.pdf'));
for (let i = 0; i < total; i++) {
  const sub = path.join(dir, String(2015 + (i % 12)));
  mkdirSync(sub, { recursive: true });
  const r = rand();
  if (r < 0.1) copyFileSync(path.join(SAMPLE_ARCHIVE, pick(docx)), path.join(sub, `${String(i).padStart(6, '0')}.docx`));
  else if (r < 0.2) copyFileSync(path.join(SAMPLE_ARCHIVE, pick(pdf)), path.join(sub, `${String(i).padStart(6, '0')}.pdf`));
  else writeFileSync(path.join(sub, `${String(i).padStart(6, '0')}.${r < 0.6 ? 'md' : 'txt'}`), textDocument(i));
}
process.stdout.write(`${total} documents in ${dir}\n`);
