// Writes l10n/bundle.l10n.json: every text the extension's code shows through vscode.l10n, which
// translators copy to bundle.l10n.<locale>.json. Found by reading the source with the TypeScript
// checker, so a button title held in a const counts as well as one written inline:
//   - tagged templates of core/inertText shown in the editor (message`…`, pick`…`, tree`…`, markdown`…`),
//     keyed by their static text with {0}, {1}… as the tag keys them;
//   - t('…') from src/vscode/l10n.ts, and vscode.l10n.t('…') in the start-up files;
//   - button titles given to the notifications in src/vscode/ui/notify.ts;
//   - what a command was doing (`doing: '…'`, or an argument for a parameter named `doing`, in
//     src/vscode), which src/vscode/presentError.ts shows translated after "Could not …".
//   npx tsx test/tools/l10nBundle.ts            print what would be written
//   npx tsx test/tools/l10nBundle.ts --write    write l10n/bundle.l10n.json
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { isTranslatable, l10nKey } from '../../src/core/inertText';

const root = join(__dirname, '..', '..');
export const bundlePath = join(root, 'l10n', 'bundle.l10n.json');

const shownTags = new Set(['message', 'pick', 'tree', 'markdown', 'translated']);
/** Where each function's button titles start, for the notification wrappers. */
const buttonsFrom: Record<string, number> = { notify: 3, showInfo: 1, showWarning: 1, showError: 1 };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'webview' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The module (path under src/, without .ts) that declares what `node` names, through imports. */
function declaringModule(checker: ts.TypeChecker, node: ts.Node): string | undefined {
  let symbol = checker.getSymbolAtLocation(node);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const file = symbol?.declarations?.[0]?.getSourceFile().fileName;
  return file ? relative(join(root, 'src'), file).split(sep).join('/').replace(/\.ts$/, '') : undefined;
}

/** The string values an expression can have, when the checker knows them all (a literal, a const, a union of them). */
function literalValues(checker: ts.TypeChecker, node: ts.Expression): string[] {
  const type = checker.getTypeAtLocation(ts.isSpreadElement(node) ? node.expression : node);
  const element = ts.isSpreadElement(node) ? checker.getIndexTypeOfType(type, ts.IndexKind.Number) : type;
  if (!element) return [];
  const parts = element.isUnion() ? element.types : [element];
  return parts.every((p) => p.isStringLiteral()) ? parts.map((p) => p.value) : [];
}

function templateParts(template: ts.TemplateLiteral): string[] {
  return ts.isNoSubstitutionTemplateLiteral(template) ? [template.text] : [template.head.text, ...template.templateSpans.map((s) => s.literal.text)];
}

/** The arguments a call passes for parameters named `doing`, whatever the function is called. */
function doingArguments(checker: ts.TypeChecker, call: ts.CallExpression): ts.Expression[] {
  const params = checker.getResolvedSignature(call)?.getParameters() ?? [];
  return call.arguments.filter((_arg, i) => params[i]?.getName() === 'doing');
}

/** Every text the code shows through vscode.l10n, sorted. */
export function extractTexts(): string[] {
  const program = ts.createProgram(sourceFiles(join(root, 'src')), { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Preserve, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && shownTags.has(node.tag.text) && declaringModule(checker, node.tag) === 'core/inertText') {
      const parts = templateParts(node.template);
      if (isTranslatable(parts)) found.add(l10nKey(parts));
    }
    const inGlue = node.getSourceFile().fileName.startsWith(join(root, 'src', 'vscode'));
    if (inGlue && ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'doing') literalValues(checker, node.initializer).forEach((v) => found.add(v));
    if (inGlue && ts.isCallExpression(node)) doingArguments(checker, node).forEach((arg) => literalValues(checker, arg).forEach((v) => found.add(v)));
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const name = node.expression.text;
      const from = declaringModule(checker, node.expression);
      if (name === 't' && from === 'vscode/l10n' && node.arguments[0]) literalValues(checker, node.arguments[0]).forEach((v) => found.add(v));
    }
    // vscode.l10n.t('…') written directly, where t() would weigh on the start-up bundle.
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 't' && node.expression.expression.getText() === 'vscode.l10n' && node.arguments[0]) {
      literalValues(checker, node.arguments[0]).forEach((v) => found.add(v));
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const name = node.expression.text;
      const from = declaringModule(checker, node.expression);
      if (name in buttonsFrom && from === 'vscode/ui/notify') node.arguments.slice(buttonsFrom[name]).forEach((arg) => literalValues(checker, arg).forEach((v) => found.add(v)));
    }
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) if (!file.isDeclarationFile && file.fileName.startsWith(join(root, 'src'))) visit(file);
  return [...found].filter((text) => text.trim() !== '').sort();
}

/** The bundle's contents: each English text is its own key. */
export function bundleText(texts: readonly string[]): string {
  return `${JSON.stringify(Object.fromEntries(texts.map((text) => [text, text])), null, 2)}\n`;
}

if (require.main === module) {
  const texts = extractTexts();
  if (process.argv.includes('--write')) {
    mkdirSync(join(root, 'l10n'), { recursive: true });
    writeFileSync(bundlePath, bundleText(texts));
    console.log(`l10n/bundle.l10n.json: ${texts.length} texts`);
  } else {
    process.stdout.write(bundleText(texts));
  }
}
