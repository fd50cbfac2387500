// Two projects: `unit` (specs beside the code, no processes) and `e2e` (suites
// over the real gateway, PostgreSQL and NATS, started once by the global setup).
// `npm test` builds first, since the e2e suite runs the compiled services.
'use strict';

/** TypeScript through ts-jest, transpile-only (type checking is the build's and lint's job). */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true }, diagnostics: false }],
};

/** The tsconfig.json path aliases. */
const moduleNameMapper = {
  '^@app/common$': '<rootDir>/libs/common/src',
  '^@app/common/(.*)$': '<rootDir>/libs/common/src/$1',
  '^@app/contracts$': '<rootDir>/libs/contracts/src',
  '^@app/contracts/(.*)$': '<rootDir>/libs/contracts/src/$1',
  // ES modules only; see the shims for why and how.
  '^intl-messageformat$': '<rootDir>/scripts/jest/intl-messageformat.cjs',
  '^@apidevtools/json-schema-ref-parser$': '<rootDir>/scripts/jest/json-schema-ref-parser.cjs',
};

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

/** @type {import('jest').Config} */
module.exports = {
  // Jest 30 reads testTimeout only here, at the top level, never inside a project.
  // Unit tests finish in milliseconds; the e2e suites talk to real services on
  // a possibly busy two-core machine, so one generous bound serves both.
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/scripts/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
