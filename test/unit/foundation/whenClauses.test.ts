import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guardIds } from '../../../src/core/focus/guardCatalogue';
import { ViewItemToken, viewItemValues, type ViewItemFeature } from '../../../src/core/viewItems';
import { ContextKey, ViewId } from '../../../src/vscode/ids';

// package.json decides when menus, palette entries, keybindings and welcome texts show, by naming
// context keys, view ids and row contextValues in `when` clauses. A name that drifts from the code
// hides a command silently, so every clause is checked here against the constants the code uses.

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: unknown };

const values = viewItemValues(guardIds);
const featureOfView: Record<string, ViewItemFeature> = { [ViewId.queue]: 'queue', [ViewId.focus]: 'focus', [ViewId.delegation]: 'delegation', [ViewId.team]: 'team' };

interface Clause {
  readonly where: string;
  readonly text: string;
}

/** Every `when` and `enablement` string under `contributes`, with where it sits. */
function clausesIn(value: unknown, where: string): Clause[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => clausesIn(v, `${where}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    (key === 'when' || key === 'enablement') && typeof v === 'string' ? [{ where: `${where}.${key}`, text: v }] : clausesIn(v, `${where}.${key}`),
  );
}

interface Term {
  readonly key: string;
  readonly op?: string;
  readonly value?: string;
}

/** Splits a clause into its comparisons; regex literals are read whole, so `||` inside one is kept. */
function termsOf(text: string): Term[] {
  const terms: Term[] = [];
  let rest = text;
  while (rest.trim() !== '') {
    rest = rest.replace(/^[\s()!]*(?:&&|\|\|)?[\s()!]*/, '');
    const regex = /^([\w.:-]+)\s*=~\s*(\/(?:\\.|[^/\\])*\/[a-z]*)/.exec(rest);
    const compare = /^([\w.:-]+)(?:\s*(===?|!==?|<=?|>=?)\s*|\s+(not in|in)\s+)('[^']*'|[^\s()&|]+)/.exec(rest);
    const bare = /^([\w.:-]+)/.exec(rest);
    const match = regex ?? compare ?? bare;
    if (!match) throw new Error(`cannot read "${rest}" in "${text}"`);
    terms.push(regex ? { key: match[1], op: '=~', value: match[2] } : compare ? { key: match[1], op: match[2] ?? match[3], value: match[4].replace(/^'|'$/g, '') } : { key: match[1] });
    rest = rest.slice(match[0].length).replace(/^[\s)]*/, '');
  }
  return terms;
}

function regexOf(literal: string): RegExp {
  const end = literal.lastIndexOf('/');
  return new RegExp(literal.slice(1, end), literal.slice(end + 1));
}

/** What is wrong with one clause, in words that say what to fix. */
function problemsOf(clause: Clause): string[] {
  const problems: string[] = [];
  const say = (what: string) => problems.push(`${clause.where} ("${clause.text}"): ${what}`);
  const terms = termsOf(clause.text);
  const contextKeys = new Set<string>(Object.values(ContextKey));
  const viewIds = new Set<string>(Object.values(ViewId));
  const tokens = new Set<string>(Object.values(ViewItemToken));
  const view = terms.find((t) => t.key === 'view' && t.op === '==')?.value;
  const feature = view === undefined ? undefined : featureOfView[view];
  const candidates = feature ? values[feature] : Object.values(values).flat();
  for (const t of terms) {
    if (t.key.startsWith('leadDesk.') && !contextKeys.has(t.key)) say(`${t.key} is not in ContextKey (src/vscode/ids.ts)`);
    if ((t.key === 'view' || t.key === 'focusedView') && t.value !== undefined && !viewIds.has(t.value)) say(`${t.value} is not in ViewId (src/vscode/ids.ts)`);
    if (t.key !== 'viewItem' || t.value === undefined) continue;
    if (t.op === '==' && !candidates.includes(t.value)) say(`no row${feature ? ` of ${view}` : ''} has the contextValue ${t.value} (src/core/viewItems.ts)`);
    if (t.op === '=~') {
      const regex = regexOf(t.value);
      if (!candidates.some((c) => regex.test(c))) say(`${t.value} matches no contextValue${feature ? ` of ${view}` : ''} (src/core/viewItems.ts)`);
      for (const [, word] of t.value.matchAll(/\\b(\w+)\\b/g)) if (!tokens.has(word)) say(`${word} is not a ViewItemToken (src/core/viewItems.ts)`);
    }
  }
  return problems;
}

describe('package.json when clauses', () => {
  const clauses = clausesIn(manifest.contributes, 'contributes');

  it('reads the clauses of menus, the palette, view titles, row menus and welcome texts', () => {
    const where = clauses.map((c) => c.where).join('\n');
    for (const place of ['menus.view/title', 'menus.view/item/context', 'menus.commandPalette', 'viewsWelcome']) assert.ok(where.includes(place), `no clause found under ${place}`);
    assert.ok(clauses.some((c) => termsOf(c.text).some((t) => t.key === 'viewItem' && t.op === '=~')), 'no viewItem regex found');
    assert.ok(clauses.some((c) => termsOf(c.text).some((t) => t.key === 'viewItem' && t.op === '==')), 'no viewItem comparison found');
  });

  it('names only context keys, view ids and contextValues the code defines', () => {
    assert.deepEqual(clauses.flatMap(problemsOf), []);
  });

  it('uses every context key the code sets', () => {
    const named = new Set(clauses.flatMap((c) => termsOf(c.text).map((t) => t.key)));
    assert.deepEqual(Object.values(ContextKey).filter((k) => !named.has(k)), []);
  });

  describe('the check itself', () => {
    const problems = (text: string) => problemsOf({ where: 'test', text });

    it('passes clauses that match what the code produces', () => {
      assert.deepEqual(problems('view == leadDesk.queue && viewItem =~ /\\bpullRequest\\b/ && viewItem =~ /\\bunpinned\\b/'), []);
      assert.deepEqual(problems('view == leadDesk.focus && viewItem == focusBlockRunning || leadDesk.onBreak'), []);
      assert.deepEqual(problems('view == leadDesk.focus && viewItem =~ /^focusBlock/'), []);
      assert.deepEqual(problems('resourceScheme == file && !explorerResourceIsFolder'), []);
    });

    it('reports a context key, a view, a contextValue or a token the code does not have', () => {
      assert.match(problems('leadDesk.delegation.canRequests').join(), /leadDesk\.delegation\.canRequests is not in ContextKey/);
      assert.match(problems('view == leadDesk.queues').join(), /leadDesk\.queues is not in ViewId/);
      assert.match(problems('view == leadDesk.focus && viewItem == focusBlockStopped').join(), /no row of leadDesk\.focus has the contextValue focusBlockStopped/);
      assert.match(problems('view == leadDesk.delegation && viewItem =~ /\\bpullRequest\\b/').join(), /matches no contextValue of leadDesk\.delegation/);
      assert.match(problems('view == leadDesk.queue && viewItem =~ /\\bpullRequest\\b|\\bpined\\b/').join(), /pined is not a ViewItemToken/);
    });
  });
});
