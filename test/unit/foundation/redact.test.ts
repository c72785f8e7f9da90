import assert from 'node:assert/strict';
import { redactSecrets } from '../../../src/core/redact';

describe('redactSecrets', () => {
  const classic = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
  const fine = 'github_pat_' + '11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz';
  const slack = 'xoxp-' + '1234567890-abcdef';

  it('removes GitHub classic, fine-grained and Slack tokens', () => {
    const out = redactSecrets(`a ${classic} b ${fine} c ${slack}`);
    assert.ok(!out.includes(classic) && !out.includes(fine) && !out.includes(slack), out);
    assert.equal(out.match(/\[redacted\]/g)?.length, 3);
  });

  it('keeps the Authorization scheme but drops its credential', () => {
    assert.equal(redactSecrets('authorization: token abcdefgh12345678'), 'authorization: token [redacted]');
    assert.equal(redactSecrets('Authorization: Bearer abc.def-ghi_jkl'), 'Authorization: Bearer [redacted]');
  });

  it('removes tokens in query strings', () => {
    assert.equal(redactSecrets('GET /x?access_token=abcdef123&y=1'), 'GET /x?access_token=[redacted]&y=1');
  });

  it('removes exact known secrets of any shape', () => {
    assert.equal(redactSecrets('sandbox said lead-token-123 twice: lead-token-123', ['lead-token-123']), 'sandbox said [redacted] twice: [redacted]');
  });

  it('leaves ordinary text alone', () => {
    const text = 'GET /repos/acme/api/pulls/12 took 140 ms';
    assert.equal(redactSecrets(text), text);
  });
});
