// The team's usual review turnaround: measured from the last four weeks when there is enough to
// measure, the setting otherwise, and the At risk section uses whichever it is and says which.
import assert from 'node:assert/strict';
import { defaultWorkingHours } from '../../../src/core/workingHours';
import { MIN_TURNAROUND_SAMPLE, turnaroundWithoutTeam, usualTurnaroundFrom } from '../../../src/core/pulse/usualTurnaround';
import { buildUpdateSections } from '../../../src/core/update/updateSections';
import { turnaroundNote } from '../../../src/core/update/renderDraft';
import { updateWeek } from '../../../src/core/update/updateWeek';
import type { UpdatePullRequest } from '../../../src/core/update/updateTypes';

const at = (day: number, hour: number) => new Date(2025, 5, day, hour).getTime();
const now = at(12, 16); // Thursday 12 June 2025
// Opened in the four weeks before this week, each reviewed after `hours` working hours the same day.
const reviewedAfter = (hours: readonly number[]) => hours.map((h, i) => ({ createdAt: at(2 + i, 9), firstReviewAt: at(2 + i, 9 + h) }));

describe('usual review turnaround', () => {
  it("is the median of the last four weeks' first reviews, once enough pull requests were reviewed", () => {
    const measured = usualTurnaroundFrom(reviewedAfter([2, 3, 4, 6, 7]), now, defaultWorkingHours, 24);
    assert.deepEqual(measured, { source: 'measured', hours: 4, reviewed: 5 });
  });

  it('falls back to the setting with too few reviewed pull requests, and says how many there were', () => {
    const few = usualTurnaroundFrom(reviewedAfter([2, 3, 4, 6].slice(0, MIN_TURNAROUND_SAMPLE - 1)), now, defaultWorkingHours, 24);
    assert.deepEqual(few, { source: 'setting', hours: 24, reviewed: 4, reason: 'tooFew' });
    // This week's reviews are not "usual" yet.
    const thisWeek = [{ createdAt: at(10, 9), firstReviewAt: at(10, 10) }];
    assert.equal(usualTurnaroundFrom([...reviewedAfter([2, 3, 4, 6]), ...thisWeek], now, defaultWorkingHours, 24).source, 'setting');
  });

  it("puts a review request at risk against the measured turnaround, not the setting's", () => {
    const week = updateWeek('thisWeek', new Date(now));
    // Opened Wednesday 09:00: 15 working hours by Thursday 16:00.
    const waiting: UpdatePullRequest = { repository: 'acme/web', number: 7, title: 'Waiting', url: 'https://github.com/acme/web/pull/7', author: 'jin', isDraft: false, createdAt: new Date(at(11, 9)).toISOString(), updatedAt: new Date(now - 3_600_000).toISOString(), labels: [] };
    const sections = (turnaround: ReturnType<typeof usualTurnaroundFrom>) =>
      buildUpdateSections({
        data: { viewer: 'lead', merged: [], open: [waiting], reviewedByMe: [], requests: 1, cost: 1, truncated: [], authored: [], handoffs: [] },
        week,
        groupBy: 'repository',
        now: new Date(now),
        workingTime: defaultWorkingHours,
        staleBusinessHours: 100,
        turnaround,
        nextBlocks: [],
      });
    const measured = usualTurnaroundFrom(reviewedAfter([2, 3, 4, 6, 7]), now, defaultWorkingHours, 24);
    assert.deepEqual(sections(measured).atRisk.map((r) => r.reasons), [['waitingForReview']]);
    assert.deepEqual(sections(turnaroundWithoutTeam(24)).atRisk, []);
  });

  it('says in the draft where the figure came from', () => {
    assert.equal(turnaroundNote({ source: 'measured', hours: 4, reviewed: 5 }), "_Review requests count as late after 4 working hours: the team's median time to first review over the last 4 weeks (5 pull requests)._");
    assert.match(turnaroundNote({ source: 'setting', hours: 24, reviewed: 1, reason: 'tooFew' }), /after 24 working hours \(leadDesk\.update\.reviewTurnaroundHours\): too little data .* \(1 pull request reviewed in the last 4 weeks\)/);
    assert.match(turnaroundNote(turnaroundWithoutTeam(8)), /after 8 working hours .*set leadDesk\.team or leadDesk\.githubTeam to measure/);
  });
});
