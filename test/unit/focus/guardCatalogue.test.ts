import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { guardCatalogue, guardIds, isGuardId } from '../../../src/core/focus/guardCatalogue';

const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { type?: string }> } | Array<{ properties: Record<string, { type?: string }> }> };
};
const sections = Array.isArray(manifest.contributes.configuration) ? manifest.contributes.configuration : [manifest.contributes.configuration];
const declared = Object.assign({}, ...sections.map((s) => s.properties)) as Record<string, { type?: string }>;

describe('focus guard catalogue', () => {
  it('names, for every guard, a boolean setting that package.json declares', () => {
    for (const id of guardIds) {
      const key = `leadDesk.${guardCatalogue[id].setting}`;
      assert.equal(declared[key]?.type, 'boolean', `${key} (the ${id} guard's switch) is not a declared boolean setting`);
    }
  });

  it('tells guard ids from anything else, including inherited object keys', () => {
    assert.deepEqual(guardIds.filter(isGuardId), guardIds);
    for (const other of ['focus', 'toString', '__proto__', '', undefined, 3]) assert.equal(isGuardId(other), false, String(other));
  });
});
