// Jest (before Node 24.9) cannot require an ES module, and intl-messageformat is
// only one. Its one-file bundle imports nothing, so it is loaded here as CommonJS by
// turning its closing `export { … }` into module.exports. Only tests use this.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', '..', 'node_modules', 'intl-messageformat', 'intl-messageformat.iife.js');
const source = fs.readFileSync(file, 'utf8').replace(
  /^export \{([^}]*)\};?$/m,
  (_, names) =>
    'module.exports = {' +
    names
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)
      .map((name) => {
        const [local, exported] = name.split(/\s+as\s+/);
        return `${exported ?? local}: ${local}`;
      })
      .join(', ') +
    '};',
);
const compiled = new Function('module', 'exports', source);
compiled(module, module.exports);
