// Preloaded (node -r) into every service the launcher spawns: the launcher holds
// the write end of this process's stdin pipe, and the kernel closes it however
// the launcher ends, SIGKILL included. End of stdin therefore means "the
// launcher is gone": stop cleanly (SIGTERM to ourselves), and exit hard if that
// takes too long. A pipe rather than polling process.ppid: no delay, no
// polling timer, and no confusion when a subreaper adopts the orphan.
'use strict';
if (!process.stdin.isTTY) {
  const gone = () => {
    process.kill(process.pid, 'SIGTERM');
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.stdin.on('end', gone);
  process.stdin.on('error', gone);
  process.stdin.resume();
  // The pipe alone must not keep a service alive that is done.
  process.stdin.unref();
}
