// The draft of a seeded week against its golden file. Titles carry Markdown, mrkdwn and HTML, so
// the golden file also shows that none of it survives as syntax. UPDATE_GOLDEN=1 rewrites it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { placeholderValues } from '../../../src/core/update/renderDraft';
import { buildUpdateSections } from '../../../src/core/update/updateSections';
import { fillTemplate } from '../../../src/core/update/updateTemplate';
import { updateWeek } from '../../../src/core/update/updateWeek';
import { defaultWorkingHours } from '../../../src/core/workingHours';
import { inTimeZone } from '../queue/fixtures';
import { defaultTemplate, fridayAfternoon, hostileTitles, seededWeek, zone } from './updateFixtures';

const golden = join(import.meta.dirname, 'golden', 'weeklyUpdate.md');

function draft(groupBy: 'repository' | 'label' | 'milestone' | 'author' = 'repository', handedOff?: number): string {
  const now = new Date(fridayAfternoon);
  const week = updateWeek('thisWeek', now);
  const sections = buildUpdateSections({
    data: seededWeek(),
    week,
    groupBy,
    now,
    workingTime: defaultWorkingHours,
    staleBusinessHours: 16,
    turnaround: { source: 'setting', hours: 24, reviewed: 2, reason: 'tooFew' },
    ...(handedOff !== undefined ? { handedOff } : {}),
    focus: [
      { type: 'deepWork', focusedMs: 5 * 3600_000 },
      { type: 'review', focusedMs: 90 * 60_000 },
    ],
    nextBlocks: [
      { label: 'Heads-down *API*', start: new Date('2026-03-09T09:00:00Z').getTime(), end: new Date('2026-03-09T11:00:00Z').getTime() },
      { label: 'Planning', start: new Date('2026-03-13T14:00:00Z').getTime(), end: new Date('2026-03-13T15:00:00Z').getTime() },
    ],
  });
  const filled = fillTemplate(defaultTemplate, placeholderValues(sections));
  assert.deepEqual(filled.problems, []);
  return filled.text;
}

describe('weekly update draft', () => {
  const tz = inTimeZone(zone);
  before(tz.before);
  after(tz.after);

  it('renders the seeded week exactly as the golden file', () => {
    const text = draft();
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) writeFileSync(golden, text);
    assert.equal(text, readFileSync(golden, 'utf8'));
  });

  it('says how many reviews were handed off, when this machine knows', () => {
    assert.match(draft('repository', 3), /^- Handed off 3 reviews to teammates$/m);
    assert.match(draft('repository', 1), /^- Handed off 1 review to teammates$/m);
    assert.doesNotMatch(draft('repository', 0), /Handed off/);
    assert.doesNotMatch(draft(), /Handed off/);
  });

  it('has every section of the shipped template, in order', () => {
    const headings = draft().split('\n').filter((l) => l.startsWith('## ')).map((l) => l.replace(/ \(\d+\)$/, ''));
    assert.deepEqual(headings, ['## Shipped', '## In progress', '## At risk', '## From me', '## Next week']);
  });

  it('leaves no title able to form a link, image, HTML tag, emphasis or mention', () => {
    const text = draft();
    for (const title of hostileTitles) assert.ok(!text.includes(title), `raw title found: ${title}`);
    // The only links are the draft's own: [escaped title](https://github.com/...).
    const links = [...text.matchAll(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\(([^)]*)\)/g)].map((m) => m[2]);
    assert.ok(links.length >= 8);
    for (const url of links) assert.match(url, /^https:\/\/github\.com\/acme\//);
    assert.doesNotMatch(text, /(?<!\\)<(img|!channel|!here|@U|https)/);
    assert.doesNotMatch(text, /(?<![\\\w])@(channel|here)/);
    assert.doesNotMatch(text, /(?<!\\)!\[/);
    assert.doesNotMatch(text, /(?<![\\])\*bold/);
    assert.doesNotMatch(text, /https?:\/\/evil/);
    assert.doesNotMatch(text, /www\.evil/);
  });

  it('groups what shipped by label, milestone or author', () => {
    assert.match(draft('label'), /### backend\n\n- .*acme\/api\\#502/);
    assert.match(draft('label'), /### No label\n/);
    assert.match(draft('milestone'), /### Webhooks v2\n\n- .*acme\/api\\#501/);
    assert.match(draft('milestone'), /### Q1 \\<launch\\>/);
    const byAuthor = draft('author');
    assert.match(byAuthor, /### marco\n\n- \[.*\]\(https:\/\/github\.com\/acme\/api\/pull\/502\) \(acme\/api\\#502\)\n/);
    assert.match(byAuthor, /### Deleted account/);
  });
});
