import assert from 'node:assert/strict';
import { parseTrailers } from '../../../src/core/delegation/trailers';

describe('parseTrailers', () => {
  it('reads review, ack and co-author trailers whatever their case', () => {
    const t = parseTrailers(['Reviewed-By: Ben Noordhuis <info@bnoordhuis.nl>', 'reviewed-by: Colin Ihrig', 'ACKED-BY: Saúl Ibarra Corretgé <saghul@gmail.com>', 'Co-Authored-By: Jane Roe <jane@example.com>'].join('\n'));
    assert.deepEqual(t.reviewers, [
      { name: 'Ben Noordhuis', email: 'info@bnoordhuis.nl' },
      { name: 'Colin Ihrig' },
      { name: 'Saúl Ibarra Corretgé', email: 'saghul@gmail.com' },
    ]);
    assert.deepEqual(t.coAuthors, [{ name: 'Jane Roe', email: 'jane@example.com' }]);
  });

  it('ignores other trailers and prose in a whole commit body', () => {
    const body = 'fs: fix a leak\n\nThe handle was never closed: see the issue.\n\nFixes: #123\nPR-URL: https://github.com/x/y/pull/1\nSigned-off-by: Someone <s@example.com>\nReviewed-by: Ben Noordhuis <info@bnoordhuis.nl>';
    const t = parseTrailers(body);
    assert.deepEqual(t.reviewers, [{ name: 'Ben Noordhuis', email: 'info@bnoordhuis.nl' }]);
    assert.deepEqual(t.coAuthors, []);
  });

  it('handles CRLF line ends and surrounding spaces', () => {
    const t = parseTrailers('  Reviewed-by :  Anna Henningsen <anna@addaleax.net>  \r\nAcked-by: @cjihrig\r\n');
    assert.deepEqual(t.reviewers, [{ name: 'Anna Henningsen', email: 'anna@addaleax.net' }, { login: 'cjihrig' }]);
  });

  it('skips trailers whose value is not a person', () => {
    assert.deepEqual(parseTrailers('Reviewed-By: : None, landed to unbreak CI').reviewers, []);
  });
});
