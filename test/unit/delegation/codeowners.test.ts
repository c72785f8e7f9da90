import assert from 'node:assert/strict';
import { ownersOf, ownersOfPaths, parseCodeowners, ruleFor } from '../../../src/core/delegation/codeowners';
import { compileGlob } from '../../../src/core/delegation/pathGlob';

function matches(pattern: string, path: string): boolean {
  return compileGlob(pattern)(path);
}

describe('CODEOWNERS patterns (GitHub semantics)', () => {
  it('"*" matches everything', () => {
    assert.ok(matches('*', 'README.md'));
    assert.ok(matches('*', 'a/b/c.ts'));
  });

  it('"*.js" matches at any depth, and only that extension', () => {
    assert.ok(matches('*.js', 'index.js'));
    assert.ok(matches('*.js', 'src/deep/index.js'));
    assert.ok(!matches('*.js', 'src/index.jsx'));
  });

  it('a leading slash anchors to the root; a trailing slash means the directory\'s contents', () => {
    assert.ok(matches('/build/logs/', 'build/logs/a.txt'));
    assert.ok(matches('/build/logs/', 'build/logs/deep/a.txt'));
    assert.ok(!matches('/build/logs/', 'x/build/logs/a.txt'));
    assert.ok(!matches('/build/logs/', 'build/logs'));
  });

  it('"docs/*" matches files directly in docs/ only', () => {
    assert.ok(matches('docs/*', 'docs/getting-started.md'));
    assert.ok(!matches('docs/*', 'docs/build-app/troubleshooting.md'));
    assert.ok(!matches('docs/*', 'sub/docs/getting-started.md'), 'a slash in the middle anchors');
  });

  it('"apps/" matches an apps directory anywhere', () => {
    assert.ok(matches('apps/', 'apps/web/index.ts'));
    assert.ok(matches('apps/', 'packages/apps/x.ts'));
    assert.ok(!matches('apps/', 'apps'));
    assert.ok(!matches('apps/', 'myapps/x.ts'));
  });

  it('"**/logs" matches a logs directory at any depth, "a/**" everything inside a, "a/**/b" any depth between', () => {
    for (const p of ['logs/x', 'build/logs/x', 'deeply/nested/logs/x']) assert.ok(matches('**/logs', p), p);
    assert.ok(!matches('**/logs', 'build/logsx/y'));
    assert.ok(matches('src/**', 'src/a/b.c'));
    assert.ok(!matches('src/**', 'srcx/a.c'));
    assert.ok(matches('a/**/b', 'a/b'));
    assert.ok(matches('a/**/b', 'a/x/y/b'));
  });

  it('a bare name matches a file or directory of that name anywhere, case-sensitively', () => {
    assert.ok(matches('Makefile', 'Makefile'));
    assert.ok(matches('Makefile', 'deps/Makefile'));
    assert.ok(matches('vendor', 'lib/vendor/x.c'));
    assert.ok(!matches('Makefile', 'makefile'));
  });

  it('"?" is one character other than a slash', () => {
    assert.ok(matches('file?.txt', 'file1.txt'));
    assert.ok(!matches('file?.txt', 'file12.txt'));
  });
});

describe('parseCodeowners', () => {
  const file = [
    '# Lines starting with # are comments.',
    '*       @global-owner1 @global-owner2',
    '*.js    @js-owner # inline comments are allowed',
    '/build/logs/ @doctocat',
    'docs/*  docs@example.com',
    'apps/   @octocat',
    '/apps/github',
    '/scripts/ @doctocat @octocat',
    '!secret @nobody',
    'lib/    not-an-owner',
    '\\#odd  @hash-owner',
  ].join('\n');
  const co = parseCodeowners(file);

  it('lets the last matching rule decide', () => {
    assert.deepEqual(ownersOf(co, 'src/index.js'), ['@js-owner']);
    assert.deepEqual(ownersOf(co, 'README.md'), ['@global-owner1', '@global-owner2']);
    assert.deepEqual(ownersOf(co, 'docs/getting-started.md'), ['docs@example.com']);
    assert.deepEqual(ownersOf(co, 'docs/build-app/troubleshooting.md'), ['@global-owner1', '@global-owner2']);
    assert.deepEqual(ownersOf(co, 'apps/web/index.ts'), ['@octocat']);
  });

  it('treats a rule without owners as "nobody owns this"', () => {
    assert.deepEqual(ownersOf(co, 'apps/github/x.ts'), []);
    assert.equal(ruleFor(co, 'apps/github/x.ts')?.pattern, '/apps/github');
  });

  it('reads an escaped leading # as a pattern', () => {
    assert.deepEqual(ownersOf(co, '#odd'), ['@hash-owner']);
  });

  it('reports negation and malformed owners with their line numbers', () => {
    assert.deepEqual(co.problems.map((p) => p.line), [9, 10]);
    assert.ok(!co.rules.some((r) => r.pattern === '!secret'));
  });

  it('collects the owners of several paths once each', () => {
    assert.deepEqual(ownersOfPaths(co, ['a.js', 'b.js', 'scripts/x.sh']), ['@js-owner', '@doctocat', '@octocat']);
  });
});
