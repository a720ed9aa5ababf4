import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** An import path from a file `depth` folders below functions/ up to functions/ itself. */
const up = (depth) => `^${'\\.\\./'.repeat(depth)}`;
const CORE_FOLDERS = '(contract|domain|adapters|wiring|shared)(/|$)';

const AWS_SDK = { regex: '^@aws-sdk/', message: 'Only adapters talk to AWS.' };
const ADAPTERS = { regex: '^(\\.\\./)+adapters(/|$)', message: 'Adapters are reached through the ports that functions/wiring fills in.' };
const WIRING = { regex: '^(\\.\\./)+wiring(/|$)', message: 'Only handlers (and scripts and tests) reach the composition root.' };
/** Handlers and the route tables over them: the edge, thin, never deciding or reaching AWS itself. */
const EDGE = [AWS_SDK, ADAPTERS, { regex: '^(\\.\\./)+domain(/|$)', allowTypeImports: true, message: 'The edge is thin: its use case applies the domain.' }];
const HANDLERS = { regex: '-handler$', message: 'A handler is an entry point: only its function’s route table (a `*lambda.ts`) imports it.' };

/** `no-restricted-imports` per layer; each file of functions/ and app/ falls in at most one block. */
function layerRules() {
  const restrict = (files, patterns, ignores = []) => ({
    files,
    ignores,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  });
  const adaptersAt = (depth) =>
    restrict(
      [`functions/adapters/${'*/'.repeat(depth - 1)}*.ts`],
      [
        {
          regex: `${up(depth)}domain/(?!errors$)`,
          allowTypeImports: true,
          message: 'Adapters read and write; the domain decides. Import its types (`import type`) and the error classes of domain/errors.ts only.',
        },
        WIRING,
        HANDLERS,
        { regex: `${up(depth)}(?!${CORE_FOLDERS}|\\.\\./)`, message: 'Adapters never call use cases: a use case calls them through its ports.' },
      ],
    );
  return [
    restrict(
      ['functions/contract/**/*.ts'],
      [
        AWS_SDK,
        { regex: '^\\.\\./(?!\\.\\./)', message: 'The contract stands alone (zod and its own files): everything else depends on it, not the other way.' },
      ],
    ),
    restrict(
      ['functions/domain/**/*.ts'],
      [
        AWS_SDK,
        { regex: '^@smithy/', message: 'Only adapters talk to AWS.' },
        { regex: '^\\.\\./(?!contract/|\\.\\./)', message: 'The domain is pure: it imports the contract and itself, and declares ports for the rest.' },
      ],
    ),
    adaptersAt(1),
    adaptersAt(2),
    restrict(
      ['functions/*/**/*.ts'],
      [AWS_SDK, ADAPTERS, WIRING, HANDLERS],
      ['functions/{contract,domain,adapters,wiring,shared}/**', 'functions/**/*-handler.ts', 'functions/**/*lambda.ts'],
    ),
    restrict(['functions/**/*-handler.ts'], [...EDGE, HANDLERS]),
    // A Lambda function's route table: it imports the handlers of the routes it serves.
    restrict(['functions/**/*lambda.ts'], EDGE),
    restrict(
      ['app/**/*.{ts,tsx}'],
      [
        {
          regex:
            '^(\\.\\./)*functions/(?!contract/(enums|statement-rule|fields|text-rule|signoff-code|assembly-fields)$|domain/log-(encoding|merkle|note|entries)$)',
          allowTypeImports: true,
          message:
            "The app takes types from functions/ (`import type`); values only from the zod-free contract files (enums, statement-rule, fields, text-rule, signoff-code, assembly-fields) and the public log's pure files (domain/log-encoding, log-merkle, log-note, log-entries), which the phone checks receipts with.",
        },
      ],
    ),
  ];
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.esbuild/**', '.serverless/**', '.data/**', 'coverage/**', '.tmp/**', 'types/**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a value left out on purpose (a destructured field, an unused parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Test clients read JSON the server answers, untyped on purpose (the assertions type it).
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // The layers of functions/ point one way: handler → use case → domain ← adapters, all
  // composed in wiring. The app shares the contract's types and its zod-free values, never code
  // that would pull the server (or a validator) into the mini-program.
  ...layerRules(),
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
