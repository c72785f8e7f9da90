import assert from 'node:assert/strict';
import { normalizeRawIdentity, parsePersonText } from '../../../src/core/delegation/personText';

describe('parsePersonText', () => {
  it('reads "Name <email>"', () => {
    assert.deepEqual(parsePersonText('Ben Noordhuis <info@bnoordhuis.nl>'), { name: 'Ben Noordhuis', email: 'info@bnoordhuis.nl' });
  });

  it('reads a name on its own', () => {
    assert.deepEqual(parsePersonText('Colin Ihrig'), { name: 'Colin Ihrig' });
  });

  it('reads an email on its own, with or without brackets', () => {
    assert.deepEqual(parsePersonText('<x@example.com>'), { email: 'x@example.com' });
    assert.deepEqual(parsePersonText('x@example.com'), { email: 'x@example.com' });
  });

  it('reads HTML-escaped and unclosed brackets', () => {
    assert.deepEqual(parsePersonText('Michael Dawson &lt;midawson@redhat.com'), { name: 'Michael Dawson', email: 'midawson@redhat.com' });
    assert.deepEqual(parsePersonText('Chengzhong Wu &lt;legendecas@gmail.com&gt;'), { name: 'Chengzhong Wu', email: 'legendecas@gmail.com' });
  });

  it('reads an email written after the name without brackets, and ignores trailing junk', () => {
    assert.deepEqual(parsePersonText('Santiago Gimeno santiago.gimeno@gmail.com'), { name: 'Santiago Gimeno', email: 'santiago.gimeno@gmail.com' });
    assert.deepEqual(parsePersonText('Michael Dawson <michael_dawson@ca.ibm.com>1'), { name: 'Michael Dawson', email: 'michael_dawson@ca.ibm.com' });
  });

  it('reads @login and GitHub profile URLs as logins', () => {
    assert.deepEqual(parsePersonText('@bnoordhuis'), { login: 'bnoordhuis' });
    assert.deepEqual(parsePersonText('https://github.com/cjihrig'), { login: 'cjihrig' });
  });

  it('drops a parenthesised second spelling from the name', () => {
    assert.deepEqual(parsePersonText('Refael Ackermann (רפאל פלחי) <refack@gmail.com>'), { name: 'Refael Ackermann', email: 'refack@gmail.com' });
  });

  it('drops sentences and placeholders that are not people', () => {
    assert.equal(parsePersonText(': None, landed to unbreak CI'), undefined);
    assert.equal(parsePersonText('none'), undefined);
    assert.equal(parsePersonText('   '), undefined);
  });
});

describe('normalizeRawIdentity', () => {
  it('keeps a clean split as it is', () => {
    assert.deepEqual(normalizeRawIdentity({ name: 'Anna Henningsen', email: 'anna@addaleax.net' }), { name: 'Anna Henningsen', email: 'anna@addaleax.net' });
  });

  it('finds the email inside the name when the email field is empty', () => {
    assert.deepEqual(normalizeRawIdentity({ name: 'Colin Ihrig cjihrig@gmail.com', email: null }), { name: 'Colin Ihrig', email: 'cjihrig@gmail.com' });
  });
});
