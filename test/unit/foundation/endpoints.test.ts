import assert from 'node:assert/strict';
import { InvalidApiUrlError, resolveEndpoints } from '../../../src/github/endpoints';

describe('resolveEndpoints', () => {
  it('derives GraphQL for github.com', () => {
    const e = resolveEndpoints('https://api.github.com/');
    assert.equal(e.apiUrl, 'https://api.github.com');
    assert.equal(e.graphqlUrl, 'https://api.github.com/graphql');
    assert.equal(e.isDotCom, true);
    assert.equal(e.webUrl, 'https://github.com');
  });

  it('derives /api/graphql for a GitHub Enterprise Server /api/v3 root', () => {
    const e = resolveEndpoints('https://ghe.example.com/api/v3');
    assert.equal(e.graphqlUrl, 'https://ghe.example.com/api/graphql');
    assert.equal(e.isDotCom, false);
    assert.equal(e.webUrl, 'https://ghe.example.com');
  });

  it('keeps a local sandbox root and its port', () => {
    const e = resolveEndpoints('http://127.0.0.1:7717');
    assert.equal(e.apiUrl, 'http://127.0.0.1:7717');
    assert.equal(e.graphqlUrl, 'http://127.0.0.1:7717/graphql');
    assert.equal(e.isDotCom, false);
  });

  for (const bad of ['', 'api.github.com', 'ftp://x.example', 'https://user:pw@x.example/api/v3', 'https://x.example/?q=1']) {
    it(`rejects ${JSON.stringify(bad)} with a typed error`, () => {
      assert.throws(() => resolveEndpoints(bad), (err: unknown) => InvalidApiUrlError.is(err));
    });
  }
});
