import { message, pick } from '../../../core/inertText';
import { describeFeedStatus } from '../../../core/calendar/feedStatus';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import { notify, showInfo } from '../../ui/notify';
import { pickOne } from '../../ui/quickPick';
import type { CalendarModel } from '../calendarModel';
import { t } from '../../l10n';

/** Lead Desk: Remove Calendar Feed. Forgets the address and the saved copy; files are removed from the setting instead. */
export function removeCalendarFeedCommand(model: CalendarModel): LeadDeskCommand {
  return {
    id: CommandId.removeCalendarFeed,
    doing: 'remove the calendar feed',
    async run() {
      const feeds = (await model.sources()).filter((s) => s.kind === 'url');
      if (feeds.length === 0) {
        await showInfo(message`No calendar feed to remove. Local .ics files are listed in the setting leadDesk.calendar.files.`);
        return;
      }
      const now = Date.now();
      const statuses = new Map(model.statuses().map((s) => [s.feedId, s]));
      const items = feeds.map((f) => {
        const status = statuses.get(f.id);
        return { label: pick`$(calendar) ${f.name}`, ...(status ? { description: pick`${describeFeedStatus(status, now)}` } : {}), value: f };
      });
      const feed = await pickOne(items, { title: t('Remove Calendar Feed'), placeHolder: t('Which calendar should Lead Desk forget?') });
      if (!feed) return;
      const confirmed = await notify('warning', message`Remove ${feed.name}? Lead Desk forgets its address and the saved copy; the calendar itself is not changed.`, { modal: true }, 'Remove');
      if (confirmed !== 'Remove') return;
      await model.forget(feed.id);
      void showInfo(message`Removed ${feed.name}.`);
    },
  };
}
