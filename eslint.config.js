import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const ELECTRON_ONLY = {
  name: 'electron',
  message: 'electron is only imported in main/index.ts, main/desktop/ and preload/',
};

// Layers import downward only: desktop/host/cli → api → engine → kube, state → primitives.
// Each entry: the folder, and the main/ folders it may not import (relative paths climbing into them).
// Tests may use a higher layer's builders as fixtures; product code may not.
const LAYERS = [
  {
    layer: 'primitives',
    files: ['main/primitives/**'],
    above: ['state', 'kube', 'engine', 'api', 'host', 'cli', 'desktop'],
  },
  {
    layer: 'state and kube',
    files: ['main/state/**', 'main/kube/**'],
    above: ['engine', 'api', 'host', 'cli', 'desktop'],
  },
  { layer: 'engine', files: ['main/engine/**'], above: ['api', 'host', 'cli', 'desktop'] },
  { layer: 'api', files: ['main/api/**'], above: ['host', 'cli', 'desktop'] },
];

const layerRules = LAYERS.map(({ layer, files, above }) => ({
  files,
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [ELECTRON_ONLY],
        patterns: [
          {
            regex: `^(\\.\\./)+(${above.join('|')})(/|$)`,
            message: `main/${layer} sits below ${above.join(', ')}: layers import downward only (desktop/host/cli → api → engine → kube, state → primitives)`,
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'release',
      'coverage',
      'main/engine/strategies/medusa/template-files.generated.ts',
      // A link to main/engine/strategies/medusa/app (linted there).
      'charts/medusa-store/files/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The engine must run in plain Node: electron only in main/index.ts, main/desktop/, preload/.
      'no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON_ONLY],
        },
      ],
    },
  },
  ...layerRules,
  {
    files: ['main/index.ts', 'main/desktop/**', 'preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
