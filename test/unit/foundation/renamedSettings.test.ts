import assert from 'node:assert/strict';
import { readWithMoves, renamedSettings } from '../../../src/core/renamedSettings';
import { parseSettings } from '../../../src/core/settings';

/** A settings reader over explicit values; anything else reads as the declared default (undefined here). */
function reader(values: Record<string, unknown>) {
  return readWithMoves((key) => values[key], (key) => key in values);
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

  it('reads the old working days and hours while the new setting holds only its declared default', () => {
    const own: Record<string, unknown> = { 'queue.workingDays': ['tue', 'wed'], 'queue.workingHours': { start: '10:00', end: '18:00' } };
    // VS Code answers a declared setting the lead never set with its default, not undefined.
    const declared = (key: string) => (key in own ? own[key] : key === 'workingHours' ? { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' } : undefined);
    const hours = parseSettings(readWithMoves(declared, (key) => key in own)).settings.workingHours;
    assert.deepEqual([hours.days, hours.startMinute, hours.endMinute], [[2, 3], 600, 1080]);
  });
});
