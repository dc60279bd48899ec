/**
 * Themes per year as a Chart.js bar chart, one bar per theme side by side (a document has several
 * themes: stacked bars would add up to more documents than the year has), as counts or as the share
 * of the year's documents; a bar opens the search for that theme and year. The figures as a table beside.
 */
import { useEffect, useRef, useState } from 'react';
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';
import { get, type Trends as TrendsData } from './api.ts';
import { label, useLabels } from './labels.ts';
import { navigate, setParams } from './router.tsx';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
const COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const PERIODS = ['2015-2018', '2019-2022', '2023-2026', '2027-2030'];
const PHONE = '(max-width: 600px)';

/** Whether the window is phone-narrow, following changes (rotation, resizing). */
function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => matchMedia(PHONE).matches);
  useEffect(() => {
    const m = matchMedia(PHONE);
    const on = () => setNarrow(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return narrow;
}

export function Trends({ url }: { url: URL }) {
  const period = url.searchParams.get('period') ?? '';
  const share = url.searchParams.get('visa') === 'andel';
  const labels = useLabels();
  const narrow = useNarrow();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [data, setData] = useState<TrendsData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { get<TrendsData>(`/api/trends${period ? `?period=${period}` : ''}`).then(setData, (e: Error) => setError(e.message)); }, [period]);
  const go = (changes: Record<string, string | null>) => setParams('/trender', url, changes);

  const years = data ? [...new Set(data.themesPerYear.map((t) => t.year))].sort() : [];
  const themes = data ? [...new Set(data.themesPerYear.map((t) => t.theme))].sort((a, b) => label(labels.themes, a).localeCompare(label(labels.themes, b), 'sv')) : [];
  const total = (y: number) => data?.documentsPerYear.find((d) => d.year === y)?.documents ?? 0;
  const count = (y: number, theme: string) => data?.themesPerYear.find((t) => t.year === y && t.theme === theme)?.documents ?? 0;
  const value = (y: number, theme: string) => (share ? Math.round((100 * count(y, theme)) / Math.max(total(y), 1)) : count(y, theme));

  useEffect(() => {
    if (!data || !canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: years.map(String), datasets: themes.map((theme, i) => ({ label: label(labels.themes, theme), backgroundColor: COLORS[i % COLORS.length], data: years.map((y) => value(y, theme)) })) },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: {
          // The legend is HTML below the chart: readable text, wraps on a phone.
          legend: { display: false },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${share ? `${c.parsed[narrow ? 'x' : 'y']} % (${count(years[c.dataIndex]!, themes[c.datasetIndex]!)} av ${total(years[c.dataIndex]!)} dokument)` : `${c.parsed[narrow ? 'x' : 'y']} av ${total(years[c.dataIndex]!)} dokument`}` } },
        },
        // On a phone the bars lie down: years down the page, each theme a bar wide enough to read.
        indexAxis: narrow ? 'y' : 'x',
        scales: {
          [narrow ? 'y' : 'x']: { title: { display: true, text: 'År' } },
          [narrow ? 'x' : 'y']: { beginAtZero: true, title: { display: true, text: share ? 'Andel av årets dokument (%)' : 'Dokument med temat' }, ticks: { precision: 0 }, ...(share ? { max: 100 } : {}) },
        },
        onClick: (_e, elements) => { const el = elements[0]; if (el) navigate(`/?theme=${themes[el.datasetIndex]}&year=${years[el.index]}`); },
      },
    });
    return () => chart.destroy();
  }, [data, share, labels, narrow]);
  if (error) return <p className="error" role="alert">{error}</p>;
  return (
    <div className="trends">
      <h1>Teman per år</h1>
      <div className="controls">
        <label>Mandatperiod <select value={period} onChange={(e) => go({ period: e.target.value || null })}>
          <option value="">Alla</option>{PERIODS.map((p) => <option key={p}>{p}</option>)}
        </select></label>
        <fieldset className="mode">
          <legend>Visa</legend>
          <label><input type="radio" name="visa" checked={!share} onChange={() => go({ visa: null })} /> Antal dokument</label>
          <label><input type="radio" name="visa" checked={share} onChange={() => go({ visa: 'andel' })} /> Andel av årets dokument</label>
        </fieldset>
      </div>
      {!data && <p className="status">Hämtar …</p>}
      <div className="chart" style={narrow ? { height: `${Math.max(20, 2 + years.length * (1 + themes.length * 0.6))}rem` } : undefined}>
        <canvas ref={canvas} role="img" aria-label={share ? 'Andel av årets dokument per tema och år' : 'Antal dokument per tema och år'} />
      </div>
      {data && <ul className="legend" aria-label="Teman">{themes.map((t, i) => <li key={t}><span className="swatch" style={{ background: COLORS[i % COLORS.length] }} aria-hidden="true" /> {label(labels.themes, t)}</li>)}</ul>}
      {data && <p className="status">Ett dokument kan ha flera teman. Dokument per år: {years.map((y) => `${y}: ${total(y)}`).join(', ')}.</p>}
      {data && (
        <details>
          <summary>Siffrorna som tabell</summary>
          <div className="scroll">
            <table className="figures"><thead><tr><th scope="col">Tema</th>{years.map((y) => <th key={y} scope="col">{y}</th>)}</tr></thead>
              <tbody>{themes.map((t) => <tr key={t}><th scope="row">{label(labels.themes, t)}</th>{years.map((y) => <td key={y}>{value(y, t)}{share ? ' %' : ''}</td>)}</tr>)}</tbody>
            </table>
          </div>
        </details>)}
    </div>
  );
}
