import type { WeekWords } from '../../core/week/weekWords';
import { t } from '../l10n';

/** The This Week page's words in the display language; the page shows them with textContent only. */
export function weekWords(): WeekWords {
  return {
    pageTitle: t('This Week'),
    previous: t('‹ Previous'),
    previousLabel: t('Previous week'),
    thisWeek: t('This week'),
    next: t('Next ›'),
    nextLabel: t('Next week'),
    loading: t('Loading the week…'),
    figuresHeading: t('The week in figures'),
    itemsHeading: t('Where the time went'),
    itemsEmpty: t('Nothing with a title yet: meetings and named focus blocks appear here.'),
    categories: { deepWork: t('Deep work'), review: t('Reviews'), meetings: t('Meetings'), planning: t('Planning') },
    outside: t('Outside working hours'),
    target: t('Deep-work target ({0} %)'),
    hoursAxis: t('hours'),
    chartLabel: t('Bar chart of hours per day. {0}. The table below has the same figures.'),
    tableCaption: t('{0}: hours per day inside working hours, time outside them, reviews given and the deep-work target'),
    day: t('Day'),
    reviewsGiven: t('Reviews given'),
    targetColumn: t('Deep-work target'),
    dayOff: t('{0} (day off)'),
  };
}
