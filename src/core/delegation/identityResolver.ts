// Union-find over identity keys (email, folded name, login). Every identity that shares a key
// with another joins its group, so a person who commits as "cjihrig <cjihrig@gmail.com>" and is
// credited as "Colin Ihrig <cjihrig@gmail.com>" or "Reviewed-by: Colin Ihrig" is one person.
// Groups only ever merge, which is why expertise is stored per key and summed per group at query
// time: a merge learned later needs no rewrite of stored data.

import { detachedString } from '../detachedString';
import { identityKeys, loginFromEmail, nameKey, normalizeEmail } from './identityKeys';
import type { RawIdentity } from './types';

export interface PersonSummary {
  /** The group's current root key. Stable while no further merge touches the group. */
  readonly id: string;
  readonly name: string;
  readonly emails: readonly string[];
  readonly logins: readonly string[];
  /** All keys of the group, for matching outside references (logins, emails) without the resolver. */
  readonly keys: readonly string[];
}

export interface IdentityResolverJson {
  readonly parent: Record<string, string>;
  /** Per key: the spellings seen with it and how often, to pick a display name. */
  readonly names: Record<string, Record<string, number>>;
  readonly logins: Record<string, string>;
}

/** An identity recorded before: its primary key, and the spelling a sighting counts (none for an email used as a name). */
interface RecordedIdentity {
  readonly key: string;
  readonly spelling: string | undefined;
}

export class IdentityResolver {
  private readonly parent = new Map<string, string>();
  /** Each key → the one copy of it that the maps here hold. */
  private readonly kept = new Map<string, string>();
  private readonly size = new Map<string, number>();
  private readonly members = new Map<string, string[]>();
  private readonly names = new Map<string, Map<string, number>>();
  // Login spelling as first seen (keys are folded, the UI wants "KevinEady").
  private readonly logins = new Map<string, string>();
  /** Identities without a login already recorded: email → name → their key and countable spelling. */
  private readonly recorded = new Map<string, Map<string, RecordedIdentity>>();
  /** The same, by the object a reader handed out (see record). */
  private readonly recordedObjects = new WeakMap<RawIdentity, RecordedIdentity>();

  /** Records an identity and merges it with every group it shares a key with. Returns its primary key. */
  add(raw: RawIdentity): string | undefined {
    return this.record(raw, true);
  }

  /** Declares that identities are the same person, e.g. from a .mailmap line. Idempotent. */
  link(a: RawIdentity, b: RawIdentity): void {
    // Not counted as sightings: a mailmap is re-applied on every refresh and would skew display names.
    const ka = this.record(a, false);
    const kb = this.record(b, false);
    if (ka !== undefined && kb !== undefined) this.union(ka, kb);
  }

  private record(raw: RawIdentity, sighting: boolean): string | undefined {
    // A history names the same few hundred people over and over. Recording an identity again
    // changes nothing but the count of its spelling (groups only merge, a login is kept as first
    // seen), so a repeat skips the folding, the unions and the checks. A reader hands out one
    // object per person it has seen, which is found without comparing any text.
    const known = raw.login === undefined ? (this.recordedObjects.get(raw) ?? this.recordedByText(raw)) : undefined;
    if (known) {
      if (sighting && known.spelling !== undefined) this.countSpelling(known.key, known.spelling);
      return known.key;
    }
    const key = this.recordOnce(raw);
    if (key === undefined) return undefined;
    const name = raw.name?.trim() ?? '';
    const spelling = name === '' || normalizeEmail(name) !== undefined ? undefined : detachedString(name);
    if (raw.login === undefined) {
      let names = this.recorded.get(raw.email ?? '');
      if (!names) this.recorded.set(detachedString(raw.email ?? ''), (names = new Map<string, RecordedIdentity>()));
      const recorded = { key, spelling };
      names.set(detachedString(raw.name ?? ''), recorded);
      this.recordedObjects.set(raw, recorded);
    }
    if (sighting && spelling !== undefined) this.countSpelling(key, spelling);
    return key;
  }

  /** An identity recorded before under the same email and name, remembered for this object too. */
  private recordedByText(raw: RawIdentity): RecordedIdentity | undefined {
    const known = this.recorded.get(raw.email ?? '')?.get(raw.name ?? '');
    if (known) this.recordedObjects.set(raw, known);
    return known;
  }

  private recordOnce(raw: RawIdentity): string | undefined {
    const keys = identityKeys(raw);
    if (keys.length === 0) return undefined;
    const first = this.ensure(keys[0]);
    for (let i = 1; i < keys.length; i++) this.union(first, this.ensure(keys[i]));
    const login = raw.login ?? (raw.email ? loginFromEmail(raw.email) : undefined);
    if (login) {
      const k = nameKey(login);
      if (k !== undefined && keys.includes(k) && !this.logins.has(k)) this.logins.set(detachedString(k), detachedString(login));
    }
    return first;
  }

  /** The group an identity belongs to, without recording it. */
  lookup(raw: RawIdentity): string | undefined {
    for (const k of identityKeys(raw)) if (this.parent.has(k)) return this.find(k);
    return undefined;
  }

  find(key: string): string {
    let root = key;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    // Path compression keeps later finds O(1) on long histories.
    for (let k = key, p = this.parent.get(k); p !== undefined && p !== root; k = p, p = this.parent.get(k)) this.parent.set(k, root);
    return root;
  }

  has(key: string): boolean {
    return this.parent.has(key);
  }

  describe(key: string): PersonSummary {
    const root = this.find(key);
    const keys = this.members.get(root) ?? [root];
    const counts = new Map<string, number>();
    for (const k of keys) for (const [n, c] of this.names.get(k) ?? []) counts.set(n, (counts.get(n) ?? 0) + c);
    const emails = keys.filter((k) => k.startsWith('e:')).map((k) => k.slice(2));
    const logins = keys.flatMap((k) => this.logins.get(k) ?? []);
    return { id: root, name: pickDisplayName(counts) ?? logins[0] ?? emails[0] ?? root.slice(2), emails, logins, keys: [...keys] };
  }

  toJSON(): IdentityResolverJson {
    const parent: Record<string, string> = {};
    for (const k of this.parent.keys()) parent[k] = this.find(k);
    const names: Record<string, Record<string, number>> = {};
    for (const [k, m] of this.names) names[k] = Object.fromEntries(m);
    return { parent, names, logins: Object.fromEntries(this.logins) };
  }

  static fromJSON(json: IdentityResolverJson): IdentityResolver {
    const r = new IdentityResolver();
    for (const k of Object.keys(json.parent)) r.ensure(k);
    for (const [k, root] of Object.entries(json.parent)) {
      r.ensure(root);
      r.union(root, k);
    }
    for (const [k, m] of Object.entries(json.names)) r.names.set(k, new Map(Object.entries(m)));
    for (const [k, l] of Object.entries(json.logins)) r.logins.set(k, l);
    return r;
  }

  /**
   * The key as kept (see kept), made a group of its own if it is new. Callers hand on this very
   * string: a map finds it by identity, where an equal copy costs a comparison of characters,
   * and a commit's keys are looked up in several maps.
   */
  private ensure(key: string): string {
    const known = this.kept.get(key);
    if (known !== undefined) return known;
    const kept = detachedString(key);
    this.kept.set(kept, kept);
    this.parent.set(kept, kept);
    this.size.set(kept, 1);
    this.members.set(kept, [kept]);
    return kept;
  }

  private union(a: string, b: string): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    // Union by size; on a tie the first argument wins, so the earlier (email) key tends to be the id.
    if ((this.size.get(ra) ?? 1) < (this.size.get(rb) ?? 1)) [ra, rb] = [rb, ra];
    this.parent.set(rb, ra);
    this.size.set(ra, (this.size.get(ra) ?? 1) + (this.size.get(rb) ?? 1));
    this.members.set(ra, [...(this.members.get(ra) ?? [ra]), ...(this.members.get(rb) ?? [rb])]);
    this.members.delete(rb);
    this.size.delete(rb);
  }

  /** `spelling` is kept as given (detached; see record), and found again as that very string. */
  private countSpelling(key: string, spelling: string): void {
    let m = this.names.get(key);
    if (!m) this.names.set(key, (m = new Map<string, number>()));
    m.set(spelling, (m.get(spelling) ?? 0) + 1);
  }
}

function pickDisplayName(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let bestScore = -1;
  for (const [name, count] of counts) {
    // A spelled-out name ("Colin Ihrig") reads better than a handle ("cjihrig") used as often.
    const score = count * (name.includes(' ') ? 2 : 1);
    if (score > bestScore || (score === bestScore && best !== undefined && name.localeCompare(best) < 0)) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}
