// What kind of change a path is, for "should I delegate this?". Conventions across ecosystems,
// deliberately conservative: a path that is not clearly docs, tests or a manifest is code.
// Not translated: the strings here are file names.

const DOC_EXTENSIONS = /\.(md|mdx|markdown|rst|adoc|asciidoc|txt)$/i;
const DOC_DIRS = /(^|\/)(docs?|documentation)\//i;
const DOC_NAMES = /(^|\/)(README|CHANGELOG|CHANGES|HISTORY|CONTRIBUTING|AUTHORS|CODE_OF_CONDUCT|SECURITY|NOTICE|LICENSE|COPYING)(\.[A-Za-z]+)?$/;
// Build inputs that happen to end in .txt are code, not prose.
const NOT_DOCS = /(^|\/)(CMakeLists\.txt|requirements[^/]*\.txt|constraints[^/]*\.txt)$/i;

const TEST_DIRS = /(^|\/)(tests?|__tests__|spec|specs|testdata|test-data|fixtures|__snapshots__|e2e)\//i;
const TEST_FILES = /(\.(test|spec)\.[A-Za-z0-9]+$)|(_test\.(go|py|rb|exs?|dart|cc|cpp|c)$)|((^|\/)test_[^/]+\.py$)|((^|\/)[^/]+(Test|Tests|Spec|IT)\.(java|kt|cs|swift|scala|php)$)|(_spec\.rb$)/;

const MANIFESTS = new Set([
  'package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb',
  'go.mod', 'go.sum', 'go.work', 'go.work.sum',
  'Cargo.toml', 'Cargo.lock',
  'Pipfile', 'Pipfile.lock', 'poetry.lock', 'uv.lock', 'pdm.lock',
  'Gemfile', 'Gemfile.lock', 'composer.json', 'composer.lock',
  'gradle.lockfile', 'libs.versions.toml', 'packages.lock.json', 'Directory.Packages.props',
  'Podfile', 'Podfile.lock', 'Package.resolved', 'Cartfile.resolved', 'mix.lock', 'pubspec.lock', 'flake.lock', 'vcpkg.json',
]);
const MANIFEST_PATTERNS = /(^|\/)(requirements[^/]*\.txt|constraints[^/]*\.txt)$/i;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function isDocsPath(path: string): boolean {
  if (NOT_DOCS.test(path)) return false;
  return DOC_EXTENSIONS.test(path) || DOC_NAMES.test(path) || (DOC_DIRS.test(path) && !/\.(c|cc|cpp|h|js|ts|py|go|rs|java)$/.test(path));
}

export function isTestPath(path: string): boolean {
  return TEST_DIRS.test(path) || TEST_FILES.test(path);
}

export function isDependencyManifest(path: string): boolean {
  return MANIFESTS.has(baseName(path)) || MANIFEST_PATTERNS.test(path);
}
