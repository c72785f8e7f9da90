// Lint for the whole project. Run from the project root: `npm run lint`.
import tseslint from 'typescript-eslint';

const vscodeOnlyInGlue = {
  // DESIGN.md: only the editor glue may import 'vscode'; core/, github/, git/ and guards/ stay testable in plain Node.
  'no-restricted-imports': ['error', {
    paths: [{ name: 'vscode', message: "Only src/vscode/**, src/extension.ts, test/host/** and test/e2e/** may import 'vscode' (see DESIGN.md)." }],
  }],
};

// DESIGN.md "Where outside text can turn into action": notifications, quick picks and Markdown
// interpret links, icons and HTML. Only the wrappers in src/vscode/ui/ call them, and those accept
// only InertText (src/core/inertText.ts), so raw outside text cannot reach these surfaces.
const inertSurfacesOnlyThroughWrappers = {
  'no-restricted-syntax': ['error',
    ...['MemberExpression[property.name=/^show(Information|Warning|Error)Message$/]', 'MemberExpression[property.value=/^show(Information|Warning|Error)Message$/]']
      .map((selector) => ({ selector, message: 'Show notifications through src/vscode/ui/notify.ts, which takes only InertText (see src/core/inertText.ts).' })),
    ...['MemberExpression[property.name=/^(showQuickPick|createQuickPick)$/]', 'MemberExpression[property.value=/^(showQuickPick|createQuickPick)$/]']
      .map((selector) => ({ selector, message: 'Show quick picks through src/vscode/ui/quickPick.ts, which takes only InertText (see src/core/inertText.ts).' })),
    // The picker shows titles and placeholders as given (outside text in them must not be looked up as a translation).
    ...['Literal', 'TemplateLiteral', 'ConditionalExpression > Literal']
      .map((value) => ({ selector: `CallExpression[callee.name=/^pick(One|Many)$/] > ObjectExpression > Property[key.name=/^(title|placeHolder)$/] > ${value}`, message: "Translate a picker's title and placeholder with t() from src/vscode/l10n.ts: the picker shows them as given." })),
    ...['NewExpression[callee.property.name="MarkdownString"]', 'NewExpression[callee.name="MarkdownString"]']
      .map((selector) => ({ selector, message: 'Make Markdown through src/vscode/ui/markdown.ts, which takes only InertText (see src/core/inertText.ts).' })),
  ],
};

// The glue only renders and listens: files, compression, processes, sockets and streams are reached
// through src/storage, src/git and src/github, which plain-Node tests cover.
const nodeIoModules = ['fs', 'fs/promises', 'zlib', 'child_process', 'net', 'tls', 'dgram', 'http', 'https', 'http2', 'stream', 'stream/promises', 'readline', 'simple-git'];
const noNodeIoInGlue = {
  'no-restricted-imports': ['error', {
    paths: nodeIoModules.flatMap((name) => (name.includes('-') ? [name] : [name, `node:${name}`])).map((name) => ({
      name,
      message: 'src/vscode/ does no Node I/O: put it in src/storage/, src/git/ or src/github/ and call that (see CONTRIBUTING.md).',
    })),
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
    files: ['src/**/*.ts'],
    ignores: ['src/vscode/ui/**'],
    rules: inertSurfacesOnlyThroughWrappers,
  },
  {
    // The glue is where 'vscode' belongs.
    files: ['src/vscode/**/*.ts', 'src/extension.ts', 'test/host/**/*.ts', 'test/e2e/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/vscode/**/*.ts', 'src/extension.ts'],
    rules: noNodeIoInGlue,
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
