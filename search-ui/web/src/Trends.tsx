/** Themes per year as a Chart.js bar chart; a bar opens the search for that theme and year. */
import { useEffect, useRef, useState } from 'react';
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';
import { get, type Trends as TrendsData } from './api.ts';
import { navigate } from './router.tsx';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
const COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export function Trends({ url }: { url: URL }) {
  const period = url.searchParams.get('period') ?? '';
  const canvas = useRef<HTMLCanvasElement>(null);
  const [data, setData] = useState<TrendsData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { get<TrendsData>(`/api/trends${period ? `?period=${period}` : ''}`).then(setData, (e: Error) => setError(e.message)); }, [period]);
  useEffect(() => {
    if (!data || !canvas.current) return;
    const years = [...new Set(data.themesPerYear.map((t) => t.year))].sort();
    const themes = [...new Set(data.themesPerYear.map((t) => t.theme))].sort();
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: years.map(String), datasets: themes.map((theme, i) => ({ label: theme, backgroundColor: COLORS[i % COLORS.length], data: years.map((y) => data.themesPerYear.find((t) => t.year === y && t.theme === theme)?.documents ?? 0) })) },
      options: {
        responsive: true, animation: false,
        scales: { x: { stacked: true, title: { display: true, text: 'År' } }, y: { stacked: true, title: { display: true, text: 'Dokument' }, ticks: { precision: 0 } } },
        onClick: (_e, elements) => { const el = elements[0]; if (el) navigate(`/?theme=${themes[el.datasetIndex]}&year=${years[el.index]}`); },
      },
    });
    return () => chart.destroy();
  }, [data]);
  if (error) return <p className="error" role="alert">{error}</p>;
  return (
    <div className="trends">
      <h1>Teman per år</h1>
      <label>Mandatperiod <select value={period} onChange={(e) => navigate(`/trender${e.target.value ? `?period=${e.target.value}` : ''}`)}>
        <option value="">Alla</option>{['2015-2018', '2019-2022', '2023-2026', '2027-2030'].map((p) => <option key={p}>{p}</option>)}
      </select></label>
      {!data && <p className="status">Hämtar …</p>}
      <canvas ref={canvas} role="img" aria-label="Antal dokument per tema och år" />
    </div>
  );
}
