// Lint for the whole project. Run from the project root: `npm run lint`.
import tseslint from 'typescript-eslint';

const vscodeOnlyInGlue = {
  // DESIGN.md: only the editor glue may import 'vscode'; core/, github/, git/ and guards/ stay testable in plain Node.
  'no-restricted-imports': ['error', {
    paths: [{ name: 'vscode', message: "Only src/vscode/**, src/extension.ts, test/host/** and test/e2e/** may import 'vscode' (see DESIGN.md)." }],
  }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.tools/**', '.test-output/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: process.cwd() },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
      ...vscodeOnlyInGlue,
    },
  },
  {
    // The glue is where 'vscode' belongs.
    files: ['src/vscode/**/*.ts', 'src/extension.ts', 'test/host/**/*.ts', 'test/e2e/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // mocha's `this` and chai-less asserts: relax rules that fight test code.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
