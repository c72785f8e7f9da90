import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import ts from 'typescript';
import { typeScriptFilesUnder } from './sourceFiles';

// A class that takes the whole services bag (or the ExtensionContext) can reach everything, so
// nobody can tell from its signature what it uses, and its tests must build everything. Only the
// feature registrations, which wire narrow dependencies, and the services factory see them.
const root = join(__dirname, '..', '..', '..');
const bags = new Set(['Services', 'ExtensionContext']);

/** Files allowed to name the bags: the registrations, the factory and activate(). */
function mayNameBags(file: string): boolean {
  const name = basename(file);
  return name.endsWith('Feature.ts') || name === 'services.ts' || name === 'extension.ts';
}

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly what: string;
}

/** Every place a bag type is named where it must not be: anywhere outside the allowed files, and in any constructor. */
function bagFindings(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Finding[] = [];
  const at = (node: ts.Node, what: string) => found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, what });
  const visit = (node: ts.Node, inConstructor: boolean) => {
    if (ts.isTypeReferenceNode(node)) {
      const name = ts.isQualifiedName(node.typeName) ? node.typeName.right.text : node.typeName.text;
      if (bags.has(name)) {
        if (inConstructor) at(node, `a constructor takes ${name}`);
        else if (!mayNameBags(file)) at(node, `names ${name} outside a feature registration`);
      }
    }
    const entering = inConstructor || ts.isConstructorDeclaration(node);
    ts.forEachChild(node, (child) => visit(child, entering));
  };
  visit(source, false);
  return found;
}

describe('narrow dependencies', () => {
  it('no constructor takes the services bag or the ExtensionContext, and only feature registrations name them', () => {
    const files = [...typeScriptFilesUnder(join(root, 'src', 'vscode')), join(root, 'src', 'extension.ts')];
    assert.ok(files.length > 20, `found only ${files.length} files under src/vscode`);
    const findings = files.flatMap((file) => bagFindings(relative(root, file), readFileSync(file, 'utf8')));
    assert.deepEqual(
      findings.map((f) => `${f.file}:${f.line} ${f.what}`),
      [],
      'Pass the class or function what it uses (a Memento, SecretStorage, a settings getter, a client getter, a Logger) instead.',
    );
  });

  it('tells a constructor that takes the bag, even in a registration file, from a registration that takes it', () => {
    const registration = `export function registerQueueFeature(services: Services) { return new QueueModel({ log: services.log }); }`;
    assert.deepEqual(bagFindings('src/vscode/queue/queueFeature.ts', registration), []);
    const model = `export class QueueModel { constructor(private readonly services: Services, context: vscode.ExtensionContext) {} }`;
    assert.deepEqual(
      bagFindings('src/vscode/queue/queueFeature.ts', model).map((f) => f.what),
      ['a constructor takes Services', 'a constructor takes ExtensionContext'],
    );
    const helper = `export function registerNotifier(services: Pick<Services, 'interruptions'>) {}`;
    assert.deepEqual(bagFindings('src/vscode/queue/reviewRequestNotifier.ts', helper).map((f) => f.what), ['names Services outside a feature registration']);
  });
});
