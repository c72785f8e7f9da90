import assert from 'node:assert/strict';
import { defaultWorkingHours } from '../../../src/core/workingHours';
import { compareFirstReview, median, overloaded, type TeammateLoad } from '../../../src/core/pulse/teamStats';

const load = (login: string, openRequests: number): TeammateLoad => ({ login, openRequests, waiting: [] });
const at = (day: number, hour: number) => new Date(2025, 5, day, hour).getTime();

describe('team figures', () => {
  it('takes the median of odd and even lists, and none of an empty one', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([]), undefined);
  });

  it('marks only a teammate with far more open review requests than the rest', () => {
    assert.deepEqual([...overloaded([load('ana', 9), load('bo', 2), load('cy', 3), load('di', 1)])], ['ana']);
    // Everyone busy is not one person overloaded.
    assert.deepEqual([...overloaded([load('ana', 9), load('bo', 8), load('cy', 7)])], []);
    // A handful is not overload, however quiet the others are.
    assert.deepEqual([...overloaded([load('ana', 4), load('bo', 0), load('cy', 0)])], []);
    assert.deepEqual([...overloaded([load('ana', 12)])], [], 'a team of one has nobody to compare with');
  });

  it('compares this week\u2019s median time to first review, in working hours, with the four weeks before', () => {
    const now = at(12, 16); // Thursday
    const pulls = [
      { createdAt: at(10, 10), firstReviewAt: at(10, 12) }, // 2 h
      { createdAt: at(9, 9), firstReviewAt: at(10, 9) }, // Mon 09:00 → Tue 09:00: 8 working hours
      { createdAt: at(11, 9), firstReviewAt: undefined },
      { createdAt: at(6, 16), firstReviewAt: at(9, 10) }, // Fri 16:00 → Mon 10:00: 2 working hours over a weekend
      { createdAt: at(3, 9), firstReviewAt: at(3, 13) }, // 4 h
      { createdAt: at(2, 9), firstReviewAt: at(2, 15) }, // 6 h
      { createdAt: new Date(2025, 3, 1).getTime(), firstReviewAt: new Date(2025, 3, 2).getTime() }, // too old
    ];
    const figures = compareFirstReview(pulls, now, defaultWorkingHours);
    assert.deepEqual(figures.thisWeek, { medianHours: 5, reviewed: 2, waiting: 1 });
    assert.deepEqual(figures.lastFourWeeks, { medianHours: 4, reviewed: 3, waiting: 0 });
  });
});
