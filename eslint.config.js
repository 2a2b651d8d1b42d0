import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layerImportsRule } from './scripts/eslint/layerImportsRule.js';
import { noTypeEscapeRule } from './scripts/eslint/noTypeEscapeRule.js';

const TS_FILES = ['**/*.ts', '**/*.tsx'];
// Tests and the helpers only tests run (test-support/): they may hand deliberately wrong values to the code.
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.spec.ts', 'test-support/**'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-cli/**',
      'dist-electron/**',
      '.electron-native/**',
      'release/**',
      'release-smoke/**',
      'e2e/artifacts/**',
      'test-results/**',
      'playwright-report/**',
      '.bench-data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { layers: { rules: { imports: layerImportsRule } }, types: { rules: { 'no-escape': noTypeEscapeRule } } },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'layers/imports': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // 400 lines of code: past that a file does more than one thing (DESIGN.md: small files with one purpose).
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']",
          message: 'No focused tests: CI must run everything.',
        },
      ],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error (an unhandled rejection) and its ordering.
    files: TS_FILES,
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['scripts/eslint/fixtures/*.ts'] }, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: TS_FILES,
    ignores: TEST_FILES,
    rules: {
      'types/no-escape': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-expect-error': true, 'ts-nocheck': true }],
    },
  },
  {
    // A type-level test states that a line must not compile; @ts-ignore would hide any error, so it stays banned.
    files: TEST_FILES,
    rules: { '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-expect-error': false, 'ts-nocheck': true }] },
  },
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
);
