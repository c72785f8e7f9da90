import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { typeScriptFilesUnder } from './sourceFiles';

// Input boxes and progress notifications take plain strings, so the tagged templates of
// core/inertText cannot guard them the way notify.ts and quickPick.ts do. Their words must still
// go through vscode.l10n: each title, prompt, placeholder and validation message is t('…') or a
// tagged template's `.value`, never a string written inline.

const root = join(__dirname, '..', '..', '..');
const shownOptions = new Set(['title', 'prompt', 'placeHolder']);

/** The string literals an expression shows as they are written (not through t() or a tag). */
export function inlineTexts(node: ts.Expression): ts.Expression[] {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return inlineTexts(node.expression);
  if (ts.isConditionalExpression(node)) return [...inlineTexts(node.whenTrue), ...inlineTexts(node.whenFalse)];
  if (ts.isBinaryExpression(node)) return [...inlineTexts(node.left), ...inlineTexts(node.right)];
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return [node];
  return [];
}

/** What a validateInput function returns, when it is written inline. */
function returnedTexts(fn: ts.Expression): ts.Expression[] {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return [];
  if (!ts.isBlock(fn.body)) return inlineTexts(fn.body);
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node) && node.expression) found.push(...inlineTexts(node.expression));
    if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn.body, visit);
  return found;
}

/** `file:line: text` for every node that `check` reports while walking the given source. */
function scan(fileName: string, source: string, check: (node: ts.Node, report: (found: ts.Node) => void) => void): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const report = (node: ts.Node) => found.push(`${fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText()}`);
  const visit = (node: ts.Node): void => {
    check(node, report);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** What a scanner reports across src/vscode; it should be nothing. */
function foundInGlue(scanner: (fileName: string, source: string) => string[]): string[] {
  return typeScriptFilesUnder(join(root, 'src', 'vscode')).flatMap((path) => scanner(relative(root, path), readFileSync(path, 'utf8')));
}
const wrapAdvice = 'wrap these in t(…) from src/vscode/l10n.ts, or build them with a tag from src/core/inertText.ts';

/** `file:line: text` for every input-box or progress text written inline in the given source. */
export function untranslatedInputTexts(fileName: string, source: string): string[] {
  return scan(fileName, source, (node, report) => {
    const callee = ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : undefined;
    const options = callee === 'showInputBox' || callee === 'withProgress' ? (node as ts.CallExpression).arguments[0] : undefined;
    if (options && ts.isObjectLiteralExpression(options)) {
      for (const prop of options.properties) {
        if (!ts.isPropertyAssignment(prop) || !ts.isIdentifier(prop.name)) continue;
        if (shownOptions.has(prop.name.text)) inlineTexts(prop.initializer).forEach(report);
        if (prop.name.text === 'validateInput') returnedTexts(prop.initializer).forEach(report);
      }
    }
  });
}

// Status-bar items, tree items and views show whatever string their text, tooltip, message or
// description is given; those words must go through vscode.l10n as well.
const shownProperties = new Set(['text', 'tooltip', 'message', 'description']);

/** `file:line: text` for every status-bar, tree or view text written inline in the given source. */
export function untranslatedItemTexts(fileName: string, source: string): string[] {
  return scan(fileName, source, (node, report) => {
    const assigned =
      ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && shownProperties.has(node.left.name.text);
    if (assigned) inlineTexts(node.right).forEach(report);
    const written = ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && (node.name.text === 'tooltip' || node.name.text === 'description');
    if (written) inlineTexts(node.initializer).forEach(report);
  });
}

describe('status-bar, tree and view texts', () => {
  it('finds a text, tooltip, message or description written inline', () => {
    const source = [
      "item.text = `$(bell) ${n} waiting`; item.tooltip = t('Open the list');",
      "view.description = paused ? 'paused' : tree`${name}`.value;",
      "view.message = undefined; item.label = 'Not shown here';",
      "return { label: tree`x`, description: 'Start one', tooltip: shown.tooltip };",
    ].join('\n');
    assert.deepEqual(untranslatedItemTexts('sample.ts', source), [
      'sample.ts:1: `$(bell) ${n} waiting`',
      "sample.ts:2: 'paused'",
      "sample.ts:4: 'Start one'",
    ]);
  });

  it('in src/vscode, go through vscode.l10n (t() or a tagged template)', () => {
    assert.deepEqual(foundInGlue(untranslatedItemTexts), [], wrapAdvice);
  });
});

describe('input boxes and progress titles', () => {
  it('finds a title, prompt, placeholder or validation message written inline', () => {
    const source = [
      "await vscode.window.showInputBox({ title: 'Name', prompt: `For ${who}`, placeHolder: t('owner/repo'), validateInput: (v) => (v ? undefined : 'Required') });",
      "await vscode.window.withProgress({ location, title: pick`Reading ${name}…`.value }, work);",
      "await vscode.window.withProgress({ location, title: 'Reading' + '…' }, work);",
    ].join('\n');
    assert.deepEqual(untranslatedInputTexts('sample.ts', source), [
      "sample.ts:1: 'Name'",
      'sample.ts:1: `For ${who}`',
      "sample.ts:1: 'Required'",
      "sample.ts:3: 'Reading'",
      "sample.ts:3: '…'",
    ]);
  });

  it('in src/vscode, go through vscode.l10n (t() or a tagged template)', () => {
    assert.deepEqual(foundInGlue(untranslatedInputTexts), [], wrapAdvice);
  });
});
