import assert from 'node:assert/strict';
import { parseSettings } from '../../../src/core/settings';

describe('parseSettings', () => {
  const read = (values: Record<string, unknown>) => (key: string) => values[key];

  it('uses defaults when nothing is set', () => {
    const { settings, problems } = parseSettings(read({}));
    assert.equal(settings.github.apiUrl, 'https://api.github.com');
    assert.deepEqual(problems, []);
  });

  it('accepts an Enterprise URL and trims the trailing slash', () => {
    const { settings, problems } = parseSettings(read({ 'github.apiUrl': ' https://ghe.example.com/api/v3/ ' }));
    assert.equal(settings.github.apiUrl, 'https://ghe.example.com/api/v3');
    assert.deepEqual(problems, []);
  });

  it('falls back and names the setting when the URL is invalid', () => {
    const { settings, problems } = parseSettings(read({ 'github.apiUrl': 'not a url' }));
    assert.equal(settings.github.apiUrl, 'https://api.github.com');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].key, 'leadDesk.github.apiUrl');
    assert.match(problems[0].message, /not a url/);
  });

  it('reports a wrongly typed value', () => {
    const { problems } = parseSettings(read({ 'github.apiUrl': 42 }));
    assert.match(problems[0].message, /must be a URL string/);
  });
});
