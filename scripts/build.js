#!/usr/bin/env node
// Compiles apps/ and libs/ into dist/ in one TypeScript pass, then rewrites the
// @app/* path aliases into relative requires so plain `node` can run the output.
// Once the web app exists (apps/web/index.html), its API types are generated from
// the committed API document and Vite builds it into dist/web, which the gateway
// serves at /.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => {
  try {
    execFileSync(cmd === 'node' ? process.execPath : bin(cmd), args, {
      cwd: root,
      stdio: 'inherit',
    });
  } catch {
    process.exit(1);
  }
};

run('tsc', ['-p', 'tsconfig.build.json']);
run('tsc-alias', ['-p', 'tsconfig.build.json']);

const WEB_ENTRY = path.join(root, 'apps', 'web', 'index.html');
const WEB_OUT = path.join(root, 'dist', 'web', 'index.html');
if (fs.existsSync(WEB_ENTRY)) {
  run('node', [path.join('scripts', 'web-types.js')]);
  run('vite', ['build', '--config', path.join('apps', 'web', 'vite.config.ts')]);
  if (!fs.existsSync(WEB_OUT)) {
    process.stderr.write(
      `build: vite wrote no ${path.relative(root, WEB_OUT)}; apps/web/vite.config.ts must set build.outDir to dist/web\n`,
    );
    process.exit(1);
  }
  precompress(path.dirname(WEB_OUT));
}

/**
 * Brotli and gzip copies of the web app's text files beside them, which the
 * gateway sends to browsers that accept them (a phone on a slow line downloads a
 * third of the bytes), without compressing anything per request.
 * @param {string} dir
 */
function precompress(dir) {
  const zlib = require('node:zlib');
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(js|css|html|svg|json|txt)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const content = fs.readFileSync(file);
    if (content.length < 1024) continue;
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
    fs.writeFileSync(
      `${file}.br`,
      zlib.brotliCompressSync(content, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
      }),
    );
  }
}
