// Order statistics and timing loops for the performance benchmark.

export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: the smallest value with at least q of the samples at or below it.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
export const median = (values) => {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
export const p95 = (values) => quantile(values, 0.95);

/**
 * Times `fn` after `warmup` untimed calls: at least `min` and at most `max` timed calls, stopping
 * early once `budgetMs` of wall time was spent. Returns wall and CPU (user + system) times in ms
 * (CPU time is less disturbed by other processes on a busy machine) and the timed window.
 */
export function timeRuns(fn, { warmup = 5, min = 5, max = 200, budgetMs = 2500 } = {}) {
  for (let i = 0; i < warmup; i++) fn(i);
  const wall = [];
  const cpu = [];
  const started = performance.now();
  for (let i = 0; i < max && (i < min || performance.now() - started < budgetMs); i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn(warmup + i);
    const t1 = performance.now();
    const c = process.cpuUsage(c0);
    wall.push(t1 - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  // The timed window, so that what happened during it (garbage collections) can be added up.
  return { runs: wall.length, wall, cpu, median: median(wall), p95: p95(wall), cpuMedian: median(cpu), from: started, to: performance.now() };
}

export const ms = (value) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)) : '–');
export const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}×` : '–');
export const bytes = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${(n / 1024).toFixed(0)} KiB`);
