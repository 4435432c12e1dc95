// Preloaded with `node --require` into a measured process: on exit, appends the process's peak
// resident set size (KiB, from process.resourceUsage) to the file named by PLAINSIGHT_BENCH_RSS.
const out = process.env.PLAINSIGHT_BENCH_RSS;
if (out) {
  process.on('exit', () => {
    require('node:fs').appendFileSync(out, `${process.resourceUsage().maxRSS}\n`);
  });
}
