// Preloaded into the benchmarked process (node --require): when it exits, writes its peak RSS
// in KiB and its CPU time (user + system) in microseconds, worker threads included, as JSON to
// $BENCH_RSS_FILE.
process.on('exit', () => {
  const usage = process.resourceUsage();
  const probe = { maxRssKiB: usage.maxRSS, cpuUs: usage.userCPUTime + usage.systemCPUTime };
  require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify(probe));
});
