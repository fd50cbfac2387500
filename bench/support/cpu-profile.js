/**
 * Preloaded into a service by `npm run bench:gateway --cpu-prof DIR` (through
 * NODE_OPTIONS=--require, where Node refuses --cpu-prof itself): samples the
 * process's CPU with the inspector from the start and writes a .cpuprofile into
 * CPU_PROFILE_DIR when the process exits. The in-process session answers
 * synchronously, so the profile is written within the 'exit' handler.
 */
'use strict';
const inspector = require('node:inspector');
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error || !result) return;
      const file = path.join(dir, `${Date.now()}-${process.pid}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(result.profile));
    });
  });
}
