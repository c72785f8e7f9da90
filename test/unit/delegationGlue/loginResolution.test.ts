import assert from 'node:assert/strict';
import { loginSet, resolveLogin } from '../../../src/core/delegation/loginResolution';

const person = (name: string, emails: string[], logins: string[] = []) => ({ name, emails, logins });

describe('login resolution', () => {
  it('prefers the manual mapping, by email or by name, over everything else', () => {
    const mapping = { 'ada@corp.example': 'ada-gh', 'grace hopper': 'ghopper' };
    assert.deepEqual(resolveLogin(person('Ada', ['Ada@Corp.Example'], ['ada-old']), mapping, new Map()), { login: 'ada-gh', source: 'mapping' });
    assert.deepEqual(resolveLogin(person('Grace Hopper', []), mapping, new Map()), { login: 'ghopper', source: 'mapping' });
  });

  it('takes a login history already knows: CODEOWNERS, an @login trailer, a noreply email', () => {
    assert.deepEqual(resolveLogin(person('Kevin', [], ['KevinEady']), {}, new Map()), { login: 'KevinEady', source: 'history' });
    assert.deepEqual(resolveLogin(person('Ben', ['12345+ben-o@users.noreply.github.com']), {}, new Map()), { login: 'ben-o', source: 'history' });
  });

  it("uses GitHub's answer for an email, and asks about emails it has no answer for", () => {
    const known = new Map<string, string | null>([['cara@corp.example', 'cara']]);
    assert.deepEqual(resolveLogin(person('Cara', ['cara@corp.example']), {}, known), { login: 'cara', source: 'github' });
    const unknown = resolveLogin(person('Dan', ['dan@corp.example', 'dan@home.example']), {}, new Map([['dan@home.example', null]]));
    assert.ok(unknown.login === undefined);
    assert.deepEqual(unknown.lookUp, ['dan@corp.example']);
  });

  it('explains why a person cannot be requested', () => {
    const none = resolveLogin(person('Eve', ['eve@corp.example']), {}, new Map([['eve@corp.example', null]]));
    assert.ok(none.login === undefined);
    assert.match(none.reason, /GitHub links no account to eve@corp\.example.*leadDesk\.delegation\.logins/);
    const nameOnly = resolveLogin(person('Frank', []), {}, new Map());
    assert.ok(nameOnly.login === undefined);
    assert.match(nameOnly.reason, /without an email/);
  });

  it('compares logins case-insensitively and without @', () => {
    assert.deepEqual([...loginSet(['@Ana', 'ben', undefined])], ['ana', 'ben']);
  });
});
