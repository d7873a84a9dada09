// Preloaded into the benchmarked process (node --require): writes its peak RSS, worker
// threads included, in KiB to $BENCH_RSS_FILE when it exits.
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
