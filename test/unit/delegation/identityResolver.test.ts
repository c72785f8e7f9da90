import assert from 'node:assert/strict';
import { foldName, identityKeys, loginFromEmail } from '../../../src/core/delegation/identityKeys';
import { IdentityResolver } from '../../../src/core/delegation/identityResolver';
import { parseMailmap } from '../../../src/core/delegation/mailmap';

function same(r: IdentityResolver, a: Parameters<IdentityResolver['add']>[0], b: Parameters<IdentityResolver['add']>[0]): boolean {
  const ka = r.add(a);
  const kb = r.add(b);
  assert.ok(ka !== undefined && kb !== undefined);
  return r.find(ka) === r.find(kb);
}

describe('identity keys', () => {
  it('folds case, diacritics, spaces and punctuation out of names', () => {
    assert.equal(foldName('Saúl Ibarra Corretgé'), 'saulibarracorretge');
    assert.equal(foldName('saul  ibarra-corretge'), 'saulibarracorretge');
  });

  it('takes the login out of GitHub noreply addresses, with or without the numeric id', () => {
    assert.equal(loginFromEmail('8634912+KevinEady@users.noreply.github.com'), 'KevinEady');
    assert.equal(loginFromEmail('jasongin@users.noreply.github.com'), 'jasongin');
    assert.equal(loginFromEmail('kevin@example.com'), undefined);
  });

  it('gives no key to shared placeholder addresses and names', () => {
    assert.deepEqual(identityKeys({ name: 'root', email: 'root@localhost' }), []);
    assert.deepEqual(identityKeys({ email: 'noreply@github.com' }), []);
    assert.deepEqual(identityKeys({ email: 'user@chrubuntu.(none)' }), []);
  });

  it('does not key a bare first name, but does key a handle', () => {
    assert.deepEqual(identityKeys({ name: 'Michael', email: 'm@example.com' }), ['e:m@example.com']);
    assert.deepEqual(identityKeys({ name: 'JckXia' }), ['n:jckxia']);
  });
});

describe('IdentityResolver', () => {
  it('merges one person committing under several emails with the same name', () => {
    const r = new IdentityResolver();
    assert.ok(same(r, { name: 'Richard Lau', email: 'riclau@uk.ibm.com' }, { name: 'Richard Lau', email: 'rlau@redhat.com' }));
  });

  it('merges a handle and a real name that share an email', () => {
    const r = new IdentityResolver();
    assert.ok(same(r, { name: 'cjihrig', email: 'cjihrig@gmail.com' }, { name: 'Colin Ihrig', email: 'cjihrig@gmail.com' }));
    assert.equal(r.describe(r.add({ email: 'cjihrig@gmail.com' }) as string).name, 'Colin Ihrig');
  });

  it('merges a name-only reviewer trailer with the author line, across case and diacritics', () => {
    const r = new IdentityResolver();
    r.add({ name: 'Saúl Ibarra Corretgé', email: 'saghul@gmail.com' });
    assert.equal(r.lookup({ name: 'saul ibarra corretge' }), r.lookup({ email: 'SAGHUL@gmail.com' }));
    assert.notEqual(r.lookup({ name: 'saul ibarra corretge' }), undefined);
  });

  it('merges a noreply email with the login written as a name, and with the spaced real name', () => {
    const r = new IdentityResolver();
    assert.ok(same(r, { name: 'Jack', email: '32422811+JckXia@users.noreply.github.com' }, { name: 'JckXia', email: 'ys3xia@uwaterloo.ca' }));
    assert.ok(same(r, { name: 'Kevin Eady', email: '8634912+KevinEady@users.noreply.github.com' }, { name: 'Kevin Eady', email: 'kevin.c.eady@gmail.com' }));
    assert.deepEqual(r.describe(r.lookup({ login: 'kevineady' }) as string).logins, ['KevinEady']);
  });

  it('links identities a .mailmap declares to be one person', () => {
    const r = new IdentityResolver();
    for (const e of parseMailmap('# comment\nBen Noordhuis <info@bnoordhuis.nl> <ben@old.example>\n<s@saghul.net> <saghul@gmail.com>\n')) r.link(e.proper, e.commit);
    assert.equal(r.lookup({ email: 'ben@old.example' }), r.lookup({ name: 'Ben Noordhuis' }));
    assert.equal(r.lookup({ email: 's@saghul.net' }), r.lookup({ email: 'saghul@gmail.com' }));
  });

  it('keeps different people apart, even when they share a first name', () => {
    const r = new IdentityResolver();
    assert.equal(same(r, { name: 'Michael', email: 'michael_dawson@ca.ibm.com' }, { name: 'Michael', email: 'michael.penick@datastax.com' }), false);
    assert.equal(same(r, { name: 'Ben Noordhuis', email: 'info@bnoordhuis.nl' }, { name: 'Bert Belder', email: 'bertbelder@gmail.com' }), false);
  });

  it('survives a JSON round trip with groups and display names intact', () => {
    const r = new IdentityResolver();
    r.add({ name: 'Anna Henningsen', email: 'anna@addaleax.net' });
    r.add({ name: 'Anna Henningsen', email: 'github@addaleax.net' });
    const back = IdentityResolver.fromJSON(JSON.parse(JSON.stringify(r.toJSON())));
    const id = back.lookup({ email: 'github@addaleax.net' });
    assert.equal(id, back.lookup({ email: 'anna@addaleax.net' }));
    assert.equal(back.describe(id as string).name, 'Anna Henningsen');
    assert.deepEqual([...back.describe(id as string).emails].sort(), ['anna@addaleax.net', 'github@addaleax.net']);
  });
});

describe('parseMailmap', () => {
  it('reads all four forms', () => {
    const entries = parseMailmap(['Proper Name <commit@a>', '<proper@b> <commit@b>', 'Proper Name <proper@c> <commit@c>', 'Proper Name <proper@d> Commit Name <commit@d>'].join('\n'));
    assert.deepEqual(entries, [
      { proper: { name: 'Proper Name', email: 'commit@a' }, commit: { email: 'commit@a' } },
      { proper: { email: 'proper@b' }, commit: { email: 'commit@b' } },
      { proper: { name: 'Proper Name', email: 'proper@c' }, commit: { email: 'commit@c' } },
      { proper: { name: 'Proper Name', email: 'proper@d' }, commit: { name: 'Commit Name', email: 'commit@d' } },
    ]);
  });
});
