import assert from 'node:assert/strict';
import { readAvailability } from '../../../src/github/delegation/availability';
import { parseTeamRef } from '../../../src/github/delegation/teamMembers';
import { chunked, isValidLogin, uniqueLogins } from '../../../src/github/delegation/payload';

describe('GitHub payload helpers for delegation', () => {
  const now = new Date('2026-05-01T12:00:00Z');

  it('reads a status defensively: Busy, plain, expired, malformed', () => {
    assert.deepEqual(readAvailability('ana', { indicatesLimitedAvailability: true, message: ' Away ', emoji: ':palm_tree:', expiresAt: '2026-05-02T00:00:00Z' }, now), {
      login: 'ana', available: false, message: 'Away', emoji: ':palm_tree:', expiresAt: '2026-05-02T00:00:00Z',
    });
    assert.equal(readAvailability('ana', { indicatesLimitedAvailability: true, expiresAt: '2026-05-01T11:00:00Z' }, now).available, true, 'an expired Busy status no longer counts');
    assert.deepEqual(readAvailability('ben', null, now), { login: 'ben', available: true });
    assert.deepEqual(readAvailability('ben', 'garbage', now), { login: 'ben', available: true });
    assert.equal(readAvailability('ben', { indicatesLimitedAvailability: 'yes', message: 42 }, now).available, true);
  });

  it('accepts only real GitHub logins, once each', () => {
    assert.ok(isValidLogin('a-b'));
    assert.ok(isValidLogin('dependabot[bot]'));
    assert.ok(!isValidLogin('-ab'));
    assert.ok(!isValidLogin('a--b'));
    assert.ok(!isValidLogin('a'.repeat(40)));
    assert.ok(!isValidLogin('x") { y }'));
    assert.deepEqual(uniqueLogins(['Ana', '@ana', 'ben ', 'bad login']), ['Ana', 'ben']);
    assert.deepEqual(chunked([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  });

  it('parses team references', () => {
    assert.deepEqual(parseTeamRef('acme/Web-Team'), { org: 'acme', slug: 'web-team' });
    assert.equal(parseTeamRef('acme'), undefined);
    assert.equal(parseTeamRef('acme/web/extra'), undefined);
  });
});
