import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Bare names go in `paths` (exact match); a pattern like 'events' would also match './events'.
const nodeModules = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util', 'stream', 'events', 'worker_threads', 'better-sqlite3', 'electron'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/component/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // Process boundaries (ENGINEERING.md): the core never imports electron.
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'electron/*'], message: 'electron/core runs under plain Node: never import electron here.' }] }],
    },
  },
  // Electron security checklist 15: the shell never opens external URLs (docs/security.md).
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'shell', property: 'openExternal', message: 'Sen never opens external URLs (docs/security.md, checklist 15).' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='openExternal'], MemberExpression[property.value='openExternal']", message: 'Sen never opens external URLs (docs/security.md, checklist 15).' },
        { selector: "ImportSpecifier[imported.name='shell']", message: "Sen never uses electron's shell module (docs/security.md, checklist 15)." },
      ],
    },
  },
  // The renderer and shared code run in a sandboxed page: no Node built-ins, no electron.
  {
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeModules.map((name) => ({ name, message: 'renderer/ and shared/ must not import Node modules or electron.' })),
          patterns: [
            { group: ['node:*'], message: 'renderer/ and shared/ must not import Node modules.' },
            { group: ['electron/*'], message: 'renderer/ and shared/ must not import electron.' },
            { group: ['**/electron/**'], message: 'renderer/ and shared/ must not import from electron/ (main, preload, core).' },
          ],
        },
      ],
    },
  },
);
