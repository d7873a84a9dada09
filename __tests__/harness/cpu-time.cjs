// Preloaded into the action's process (node --require): writes the CPU time it used, user and
// system, all threads, in microseconds to $CMA_CPU_FILE when it exits. Unlike the wall time,
// it barely grows when other processes load the machine.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  require('node:fs').writeFileSync(process.env.CMA_CPU_FILE, String(user + system));
});
