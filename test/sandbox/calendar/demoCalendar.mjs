// The demo's calendar: a believable tech lead's week around "now" (stand-ups, 1:1s, planning,
// an incident review, a declined vendor call, a lunch marked free), in the reader's local time, so
// the Week view and Find Focus Time have something real to show whenever the demo runs.
import { icsCalendar, icsEvent } from './icsText.mjs';

const hour = 3_600_000;

/** Monday 00:00 local of the week containing `now`. */
function mondayOf(now) {
  const d = new Date(now);
  const back = (d.getDay() + 6) % 7;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - back).getTime();
}

function at(monday, dayOffset, h, m = 0) {
  const d = new Date(monday);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + dayOffset, h, m).getTime();
}

export function demoCalendar(now = Date.now(), leadEmail = 'lee@acme.example') {
  const events = [];
  // Last week, this week and next week, so browsing back shows a history too.
  for (const week of [-7, 0, 7]) {
    const monday = mondayOf(now + week * 24 * hour);
    const id = (name) => `${name}-${new Date(monday).toISOString().slice(0, 10)}@demo.lead-desk`;
    for (let day = 0; day < 5; day += 1) {
      events.push(icsEvent({ uid: id(`standup-${day}`), title: 'Team stand-up', start: at(monday, day, 9, 30), end: at(monday, day, 9, 45), floating: true }));
    }
    events.push(icsEvent({ uid: id('planning'), title: 'Sprint planning', start: at(monday, 0, 13), end: at(monday, 0, 14, 30), floating: true }));
    events.push(icsEvent({ uid: id('one-on-one-priya'), title: '1:1 Priya', start: at(monday, 1, 11), end: at(monday, 1, 11, 30), floating: true }));
    events.push(icsEvent({ uid: id('arch'), title: 'Architecture review: payments service', start: at(monday, 1, 15), end: at(monday, 1, 16, 30), floating: true }));
    events.push(icsEvent({ uid: id('one-on-one-sam'), title: '1:1 Sam', start: at(monday, 2, 14), end: at(monday, 2, 14, 30), floating: true }));
    events.push(icsEvent({ uid: id('incident'), title: 'Incident review #214', start: at(monday, 3, 10), end: at(monday, 3, 11), floating: true }));
    events.push(
      icsEvent({
        uid: id('vendor'),
        title: 'Vendor demo: observability suite',
        start: at(monday, 3, 16),
        end: at(monday, 3, 17),
        floating: true,
        extra: [`ATTENDEE;PARTSTAT=DECLINED;CN=Lee Adams:mailto:${leadEmail}`],
      }),
    );
    events.push(icsEvent({ uid: id('lunch'), title: 'Lunch walk', start: at(monday, 4, 12), end: at(monday, 4, 13), floating: true, extra: ['TRANSP:TRANSPARENT'] }));
    events.push(icsEvent({ uid: id('demo-day'), title: 'Demo day & retro', start: at(monday, 4, 15), end: at(monday, 4, 16, 30), floating: true }));
  }
  return icsCalendar('Work (demo)', events);
}
