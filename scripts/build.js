#!/usr/bin/env node
// Compiles apps/ and libs/ into dist/ in one TypeScript pass, then rewrites the
// @app/* path aliases into relative requires so plain `node` can run the output.
'use strict';
const { execFileSync } = require('node:child_process');
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
