// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The layer rule, as one table (docs/architecture.md explains it). Each row: the files of a layer and
 * the imports they may not make, with the message that teaches why. Relative imports are matched by
 * the folder they reach (`../application/…`), packages by name.
 */
const NODE_BUILTINS =
  '^(node:.*|fs|path|os|child_process|worker_threads|crypto|http|https|net|url|util|stream|events)$';
const INFRA_PACKAGES =
  '^(electron|electron-store|better-sqlite3|drizzle-orm(/.*)?|yahoo-finance2|pino(-.*)?|ws|exceljs|pdfkit)$';
const SHARED_PURE = [
  {
    regex: NODE_BUILTINS,
    message: 'shared/ runs anywhere: no Node built-ins (put I/O behind a port in main/).',
  },
  {
    regex: INFRA_PACKAGES,
    message: 'shared/ runs anywhere: no Electron, DB, provider or logger packages (adapters live in main/).',
  },
  {
    regex: '(^|/)(main|preload|renderer)(/|$)',
    message: 'shared/ never imports main/, preload/ or renderer/.',
  },
];
const NOT_MAIN_UI = {
  regex: '(^|/)(renderer|preload)(/|$)',
  message: 'main/ never imports renderer/ or preload/.',
};
const NO_ELECTRON = {
  regex: '^electron$',
  message: 'only main/electron/ imports electron: the backend must run headless in plain Node.',
};
const NO_DB = {
  regex: '^(better-sqlite3|drizzle-orm(/.*)?)$',
  message: 'only main/db/ talks to SQLite; go through a repository port.',
};
const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'shared/testing/**'];

/** Disjoint rows (flat config replaces, not merges, a rule set twice for one file). */
const LAYERS = [
  {
    name: 'shared/domain',
    files: ['shared/domain/**/*.ts'],
    forbid: [
      {
        regex: '^(\\.\\./)+(application|ports|simulation|ipc|testing)(/|$)',
        message: 'domain is the core: it imports nothing outside shared/domain.',
      },
      ...SHARED_PURE,
    ],
  },
  {
    name: 'shared/ports',
    files: ['shared/ports/**/*.ts'],
    forbid: [
      {
        regex: '^(\\.\\./)+(application|simulation|ipc|testing)(/|$)',
        message: 'ports depend on the domain only.',
      },
      ...SHARED_PURE,
    ],
  },
  {
    name: 'shared/application',
    files: ['shared/application/**/*.ts'],
    forbid: [
      {
        regex: '^(\\.\\./)+(simulation|ipc|testing)(/|$)',
        message: 'application uses domain and ports only; adapters are injected.',
      },
      ...SHARED_PURE,
    ],
  },
  {
    name: 'shared/simulation',
    files: ['shared/simulation/**/*.ts'],
    forbid: [
      { regex: '^(\\.\\./)+(ipc|testing)(/|$)', message: 'simulation builds on application and below.' },
      ...SHARED_PURE,
    ],
  },
  {
    name: 'shared/format',
    files: ['shared/format/**/*.ts'],
    forbid: [
      {
        regex: '^(\\.\\./)+(application|ports|simulation|ipc|testing)(/|$)',
        message:
          'format is presentation of plain values: it imports nothing outside shared/format and shared/domain.',
      },
      ...SHARED_PURE,
    ],
  },
  { name: 'shared/ipc', files: ['shared/ipc/**/*.ts'], forbid: SHARED_PURE },
  { name: 'main/electron', files: ['main/electron/**/*.ts'], forbid: [NOT_MAIN_UI, NO_DB] },
  { name: 'main/db', files: ['main/db/**/*.ts'], forbid: [NOT_MAIN_UI, NO_ELECTRON] },
  {
    name: 'main (rest)',
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**', 'main/db/**'],
    forbid: [NOT_MAIN_UI, NO_ELECTRON, NO_DB],
  },
  {
    name: 'preload',
    files: ['preload/**/*.ts'],
    forbid: [
      { regex: '(^|/)(main|renderer)(/|$)', message: 'preload/ builds the bridge from shared/ipc only.' },
      { regex: '(^|/)shared/(?!ipc(/|$))', message: 'preload/ imports shared/ipc only.' },
    ],
  },
  {
    name: 'renderer',
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    forbid: [
      {
        regex: '(^|/)(main|preload)(/|$)',
        message: 'renderer/ never imports main/ or preload/: talk to the backend through the IPC client.',
      },
      {
        regex: '^(electron|better-sqlite3|drizzle-orm(/.*)?|node:.*)$',
        message: 'renderer/ is a sandboxed web page.',
      },
      {
        regex: '(^|/)shared/(?!ipc/channels$|domain/ReasonCode$|format/)',
        allowTypeImports: true,
        message:
          'renderer/ imports shared/ only as types (`import type`), except the pure helpers listed in docs/architecture.md.',
      },
    ],
  },
];

const layerBlocks = LAYERS.map((layer) => ({
  name: `layers/${layer.name}`,
  files: layer.files,
  ignores: [...(layer.ignores ?? []), ...(layer.name.startsWith('shared/') ? TESTS : [])],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: layer.forbid.map((f) => ({
          regex: f.regex,
          message: `[layers] ${f.message}`,
          ...('allowTypeImports' in f ? { allowTypeImports: f.allowTypeImports } : {}),
        })),
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'main/db/migrations/**',
      'resources/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports', prefer: 'type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']",
          message: 'No focused tests.',
        },
      ],
    },
  },
  {
    // CommonJS scripts (the launcher of the built command line) load modules with require().
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  ...layerBlocks,
);
