import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layerImportsRule } from './scripts/eslint/layerImportsRule.js';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-electron/**',
      '.electron-native/**',
      'release/**',
      'e2e/artifacts/**',
      'test-results/**',
      'playwright-report/**',
      '.bench-data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { layers: { rules: { imports: layerImportsRule } } },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'layers/imports': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']",
          message: 'No focused tests: CI must run everything.',
        },
      ],
    },
  },
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  {
    // Tests may reach across layers for setup (a db test opening a file through services, a lint test).
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'layers/imports': 'off' },
  },
);
