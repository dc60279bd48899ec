/** Search latency: p50/p95/p99 of a query mix run by N concurrent clients. */
export interface Latency { p50: number; p95: number; p99: number; n: number }

export async function measure(run: (q: string) => Promise<unknown>, queries: string[], clients: number, perClient: number): Promise<Latency> {
  const times: number[] = [];
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    for (let i = 0; i < perClient; i++) {
      const q = queries[(c * perClient + i) % queries.length]!;
      const t = performance.now();
      await run(q);
      times.push(performance.now() - t);
    }
  }));
  times.sort((a, b) => a - b);
  const at = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))]! * 10) / 10;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: times.length };
}
