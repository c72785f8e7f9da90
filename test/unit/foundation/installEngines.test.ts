import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { satisfies } from 'semver';

// VS Code 1.100's extension host runs Node 20, and so does the install on a lead's machine: a
// package that asks for a newer Node warns at install and may use what Node 20 lacks.
const root = join(__dirname, '..', '..', '..');
interface Lockfile {
  packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean; optional?: boolean }>;
}
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lockfile;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const oldestNode = manifest.engines.node.replace(/^>=\s*/, '');

describe('installed packages and the Node they run on', () => {
  it('the manifest names the oldest Node it supports', () => {
    assert.match(oldestNode, /^20\.\d+(\.\d+)?$/);
  });

  it('no package in the lockfile asks for a newer Node than the extension host has', () => {
    const version = oldestNode.split('.').length === 2 ? `${oldestNode}.0` : oldestNode;
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return range && !satisfies(version, range) ? [`${path.replace(/^node_modules\//, '')} wants node ${range}`] : [];
      });
    assert.deepEqual(refusing, []);
  });
});
