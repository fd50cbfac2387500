#!/usr/bin/env node
// Compiles apps/ and libs/ into dist/ in one TypeScript pass, then rewrites the
// @app/* path aliases into relative requires so plain `node` can run the output.
// Once the web app exists (apps/web/index.html), Vite builds it into dist/web,
// which the gateway serves at /.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => {
  try {
    execFileSync(bin(cmd), args, { cwd: root, stdio: 'inherit' });
  } catch {
    process.exit(1);
  }
};

run('tsc', ['-p', 'tsconfig.build.json']);
run('tsc-alias', ['-p', 'tsconfig.build.json']);

const WEB_ENTRY = path.join(root, 'apps', 'web', 'index.html');
const WEB_OUT = path.join(root, 'dist', 'web', 'index.html');
if (fs.existsSync(WEB_ENTRY)) {
  run('vite', ['build', '--config', path.join('apps', 'web', 'vite.config.ts')]);
  if (!fs.existsSync(WEB_OUT)) {
    process.stderr.write(
      `build: vite wrote no ${path.relative(root, WEB_OUT)}; apps/web/vite.config.ts must set build.outDir to dist/web\n`,
    );
    process.exit(1);
  }
}
