#!/usr/bin/env node
// The gateway's OpenAPI document, and the web app's API types generated from it
// (scripts/web-types.js), made without a running suite or a build: the gateway
// is compiled in memory (the TypeScript compiler, so decorators get the design:type metadata Swagger
// reads, which esbuild and tsx never emit), its Nest app is made in preview mode
// (no provider made, nothing connects to NATS, nothing listens) and Swagger
// describes it.
//
//   node scripts/openapi.js          writes apps/web/src/api/openapi.json, then schema.d.ts from it
//   node scripts/openapi.js --check  writes nothing; fails when openapi.json differs from it
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const ts = require('typescript');

const { writeWebTypes } = require('./web-types');

const root = path.resolve(__dirname, '..');
const ENTRY = path.join(root, 'apps/gateway/src/docs/offline-document.ts');
const OUTPUT = path.join(root, 'apps/web/src/api/openapi.json');

/** Compiles the entry and everything it imports into memory: JavaScript by source path. */
function compile() {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) =>
        fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    },
  );
  const options = {
    ...config.options,
    // Types are lint's and the build's to check; emitting alone is what takes no time.
    noCheck: true,
    noEmit: false,
    incremental: false,
    sourceMap: false,
    inlineSourceMap: false,
    declaration: false,
  };
  const program = ts.createProgram([ENTRY], options);
  const compiled = new Map();
  const result = program.emit(undefined, (_fileName, text, _bom, _onError, sources) => {
    if (sources && sources.length === 1) compiled.set(path.resolve(sources[0].fileName), text);
  });
  const errors = ts
    .getPreEmitDiagnostics(program)
    .concat(result.diagnostics)
    .filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    fail(
      ts.formatDiagnostics(errors, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => root,
        getNewLine: () => '\n',
      }),
    );
  }
  return { compiled, paths: options.paths ?? {} };
}

/** Loads .ts files from `compiled` and resolves the tsconfig path aliases (@app/…). */
function installLoader({ compiled, paths }) {
  const aliases = Object.entries(paths).map(([pattern, [target]]) => ({
    prefix: pattern.replace(/\*$/, ''),
    wildcard: pattern.endsWith('*'),
    target: path.join(root, target.replace(/\*$/, '')),
  }));
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    for (const alias of aliases) {
      if (alias.wildcard ? request.startsWith(alias.prefix) : request === alias.prefix) {
        const target = alias.wildcard
          ? alias.target + request.slice(alias.prefix.length)
          : alias.target;
        return resolve.call(this, target, ...rest);
      }
    }
    return resolve.call(this, request, ...rest);
  };
  require.extensions['.ts'] = (module, filename) => {
    const code = compiled.get(filename);
    if (code === undefined)
      throw new Error(`${filename} was not compiled (not imported by the entry?)`);
    module._compile(code, filename);
  };
}

async function formatted(text, file) {
  const prettier = require('prettier');
  const options = await prettier.resolveConfig(file);
  return prettier.format(text, { ...options, filepath: file });
}

/** The document as the gateway describes it now. */
async function generate() {
  installLoader(compile());
  const { offlineApiDocument } = require(ENTRY);
  return offlineApiDocument();
}

function fail(message) {
  process.stderr.write(`openapi: ${message}\n`);
  process.exit(1);
}

async function main() {
  const check = process.argv.includes('--check');
  const started = Date.now();
  const document = await generate();
  const text = await formatted(JSON.stringify(document), OUTPUT);
  const file = path.relative(root, OUTPUT);
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  if (check) {
    if (!fs.existsSync(OUTPUT) || fs.readFileSync(OUTPUT, 'utf8') !== text) {
      fail(`${file} differs from what the gateway describes now: run npm run openapi`);
    }
    process.stdout.write(`openapi: the committed document is up to date (${seconds()} s)\n`);
    return;
  }
  fs.writeFileSync(OUTPUT, text);
  await writeWebTypes(document);
  process.stdout.write(`openapi: wrote ${file} and the web app's types from it (${seconds()} s)\n`);
}

main().catch((error) =>
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error)),
);
