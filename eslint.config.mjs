// ESLint 9 flat config: typescript-eslint's type-checked rules for the TypeScript
// under apps/, libs/ and test/, plain recommended rules for the CommonJS scripts,
// and eslint-config-prettier last so formatting is prettier's job alone.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'bench/results/**',
      'test/logs/**',
      // Generated from the gateway's OpenAPI document (npm run openapi).
      'apps/web/src/api/schema.d.ts',
    ],
  },

  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      // `_`-prefixed names mark deliberately unused parameters and destructured rest.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // TypeORM's MixedList<Function> and Nest's Type<Function> take the bare type.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // Nest handlers are often async for the interface's sake without awaiting.
      '@typescript-eslint/require-await': 'off',
      // Nest modules are classes with only static forRoot()/decorators.
      '@typescript-eslint/no-extraneous-class': 'off',
      // IsOptional lets an explicit null skip every check of a field, and a null
      // where the type is expected is a 500 later: fields say Optional() (left out
      // only) or OptionalNullable() from @app/contracts instead.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional'],
              message: 'Use Optional() (or OptionalNullable() where null means something) from @app/contracts.',
            },
            {
              name: '@nestjs/microservices',
              importNames: ['MessagePattern', 'EventPattern', 'Payload', 'Ctx'],
              message:
                'Answer a message with @Handles(contract) from @app/common: its declaration types the payload and reply.',
            },
          ],
        },
      ],
      // A function a reader cannot hold in view is several steps: name them (under 80 lines).
      'max-lines-per-function': ['error', { max: 79, skipBlankLines: true, skipComments: true }],
    },
  },

  // The one place that wraps IsOptional, and the one that wraps Nest's message decorators.
  {
    files: ['libs/contracts/src/common/validators.ts', 'libs/common/src/nats/handles.decorator.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },

  // Nest's ServerNats hands bindEvents() the raw NATS connection typed as `any`.
  {
    files: ['libs/common/src/nats/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },

  // Tests: expect(obj.method) and loosely typed JSON bodies are idiomatic; a
  // describe() holds its cases, so its length is theirs.
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: {
      'max-lines-per-function': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // A leftover import in a spec is noise, not a defect: say it, don't fail on it.
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },

  // Plain CommonJS tooling and config files: no type information, Node globals.
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs', 'scripts/**/*.d.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // The web app: Vue's recommended rules, TypeScript without type information
  // (vue-tsc type-checks it in lint), browser globals.
  ...pluginVue.configs['flat/recommended'].map((config) => ({
    ...config,
    files: ['apps/web/**/*.{ts,vue}'],
  })),
  {
    files: ['apps/web/**/*.{ts,vue}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        extraFileExtensions: ['.vue'],
        projectService: false,
        sourceType: 'module',
      },
      globals: { ...globals.browser },
    },
  },
  {
    files: ['apps/web/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },

  prettier,
);
