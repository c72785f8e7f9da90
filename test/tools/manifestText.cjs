// Reads package.json the way VS Code shows it: every %key% replaced by its English text from
// package.nls.json. CommonJS so that the TypeScript tests can load it synchronously and the .mjs
// tools can import it too.
const { readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const reference = /^%([^%\s]+)%$/;

/** The key a %key% reference names, or undefined for a literal. */
function referencedKey(value) {
  const m = reference.exec(value);
  return m ? m[1] : undefined;
}

/** The manifest as VS Code shows it in English: every %key% replaced by its text. */
function resolveManifest(pkg, nls) {
  const walk = (value) => {
    if (typeof value === 'string') {
      const key = referencedKey(value);
      return key !== undefined && key in nls ? nls[key] : value;
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk(pkg);
}

/** package.json and package.nls.json as read from disk (the table empty if there is none yet). */
function readManifest(dir = root) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const nlsPath = join(dir, 'package.nls.json');
  const nls = existsSync(nlsPath) ? JSON.parse(readFileSync(nlsPath, 'utf8')) : {};
  return { pkg, nls };
}

/** The manifest with every reference resolved, for tools and tests that read its texts. */
function readResolvedManifest(dir = root) {
  const { pkg, nls } = readManifest(dir);
  return resolveManifest(pkg, nls);
}

module.exports = { root, referencedKey, resolveManifest, readManifest, readResolvedManifest };
