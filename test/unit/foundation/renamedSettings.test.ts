import assert from 'node:assert/strict';
import { readWithRenames, renamedSettings } from '../../../src/core/renamedSettings';
import { parseSettings } from '../../../src/core/settings';

/** A settings reader over explicit values; anything else reads as the declared default (undefined here). */
function reader(values: Record<string, unknown>) {
  return readWithRenames((key) => values[key], (key) => key in values);
}

describe('renamed settings', () => {
  it('reads the new name when it is set, even when the old one is set too', () => {
    const read = reader({ 'delegation.githubTeam': 'acme/old', githubTeam: 'acme/new' });
    assert.equal(read('githubTeam'), 'acme/new');
  });

  it('reads the old name while only it is set, so nothing is lost before the move', () => {
    const settings = parseSettings(reader({ 'delegation.githubTeam': 'acme/core', 'notifications.newReviewRequests': false })).settings;
    assert.equal(settings.delegation.githubTeam, 'acme/core');
    assert.equal(settings.queue.notifyNewReviewRequests, false);
  });

  it('falls back to the default when neither name is set, and leaves other settings alone', () => {
    const read = reader({ 'queue.includeDrafts': true });
    assert.equal(read('githubTeam'), undefined);
    assert.equal(read('queue.includeDrafts'), true);
  });

  it('never renames a setting onto a prefix of another, which VS Code cannot hold both of', () => {
    const names = renamedSettings.flatMap((r) => [r.from, r.to]);
    for (const a of names) for (const b of names) assert.ok(a === b || !b.startsWith(`${a}.`), `${a} is a prefix of ${b}`);
  });
});
