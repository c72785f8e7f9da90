import assert from 'node:assert/strict';
import { addScheduleEntry, describeBlock, removeScheduleEntry, updateScheduleEntry, type BlockFields } from '../../../src/core/focus/scheduleEdits';
import { parseSchedule } from '../../../src/core/focus/schedule';

const mornings: BlockFields = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: 9 * 60, end: 11 * 60, label: 'Heads-down', type: 'deepWork' };

describe('editing the weekly schedule', () => {
  it('adds a block as plain, valid JSON the setting reads back', () => {
    const edit = addScheduleEntry(undefined, mornings);
    assert.ok(edit.ok);
    assert.deepEqual(edit.value, [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '11:00', label: 'Heads-down', type: 'deepWork' }]);
    const parsed = parseSchedule(JSON.parse(JSON.stringify(edit.value)));
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.entries[0].start, 9 * 60);
  });

  it('edits one block and keeps what was written by hand, in it and around it', () => {
    const raw = [
      { days: ['weekdays'], start: '09:00', end: '11:00', label: 'Heads-down', note: 'no meetings please' },
      { days: ['sun'], start: 'late', end: '10:00' },
    ];
    const edit = updateScheduleEntry(raw, 0, { ...mornings, start: 8 * 60 + 30, label: 'Early' });
    assert.ok(edit.ok);
    assert.deepEqual(edit.value[0], { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:30', end: '11:00', label: 'Early', type: 'deepWork', note: 'no meetings please' });
    assert.deepEqual(edit.value[1], raw[1], 'an entry Lead Desk rejects is left for the lead to fix');
    assert.equal(raw[0].start, '09:00', 'the setting read is not changed in place');
  });

  it('removes one block by its position', () => {
    const raw = [{ days: ['mon'], start: '09:00', end: '10:00' }, { days: ['tue'], start: '09:00', end: '10:00' }];
    const edit = removeScheduleEntry(raw, 0);
    assert.ok(edit.ok);
    assert.deepEqual(edit.value, [raw[1]]);
    assert.equal(removeScheduleEntry(raw, 5).ok, false);
  });

  it('refuses a block that overlaps another one, naming it, but not the block being edited', () => {
    const raw = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '11:00', label: 'Heads-down' }];
    const clash = addScheduleEntry(raw, { days: ['wed'], start: 10 * 60, end: 12 * 60, label: 'Reviews', type: 'review' });
    assert.equal(clash.ok, false);
    assert.match(!clash.ok ? clash.problem : '', /overlap Mon–Fri 09:00–11:00 · Heads-down/);
    assert.equal(updateScheduleEntry(raw, 0, { ...mornings, end: 12 * 60 }).ok, true);
    assert.equal(addScheduleEntry(raw, { ...mornings, days: [] }).ok, false);
    assert.equal(addScheduleEntry(raw, { ...mornings, days: ['sat'], start: 11 * 60, end: 10 * 60 }).ok, false);
  });

  it('does not write over a setting that is not a list', () => {
    const edit = addScheduleEntry({ days: ['mon'] }, mornings);
    assert.equal(edit.ok, false);
    assert.match(!edit.ok ? edit.problem : '', /settings\.json/);
  });

  it('describes a block for the picker', () => {
    assert.equal(describeBlock(mornings), 'Mon–Fri 09:00–11:00 · Heads-down (Deep work)');
    assert.equal(describeBlock({ ...mornings, days: ['thu', 'tue'], type: 'review' }), 'Tue, Thu 09:00–11:00 · Heads-down (Review)');
  });
});
