import * as vscode from 'vscode';
import { message, pick } from '../../../core/inertText';
import { t } from '../../l10n';
import { defaultWeekChoice, updateWeek, type WeekChoice } from '../../../core/update/updateWeek';
import type { WeeklyDraft } from '../../../app/update/draftWeeklyUpdate';
import type { UpdateWeek } from '../../../core/update/updateTypes';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import { showWarning } from '../../ui/notify';
import { pickOne } from '../../ui/quickPick';
import type { UpdateDrafts } from '../updateDrafts';

export interface DraftCommandDependencies {
  readonly drafts: UpdateDrafts;
  readonly draft: (week: UpdateWeek) => Promise<WeeklyDraft>;
  readonly now: () => Date;
}

const weekChoices: readonly WeekChoice[] = ['thisWeek', 'lastWeek'];

/**
 * Opens the draft in an untitled Markdown editor. The only argument it takes is which week (a
 * button or a test may pass 'thisWeek' or 'lastWeek'); anything else asks.
 */
export function draftWeeklyUpdateCommand(deps: DraftCommandDependencies): LeadDeskCommand {
  return {
    id: CommandId.draftWeeklyUpdate,
    doing: 'draft the weekly update',
    async run(arg?: unknown) {
      const now = deps.now();
      const preferred = defaultWeekChoice(now);
      const choice = (weekChoices as readonly unknown[]).includes(arg)
        ? (arg as WeekChoice)
        : await pickOne(
            [...weekChoices]
              .sort((a) => (a === preferred ? -1 : 1))
              .map((value) => ({ label: value === 'thisWeek' ? pick`This week so far` : pick`Last week`, value })),
            { title: t('Draft Weekly Update'), placeHolder: t('Which week should the update cover?') },
          );
      if (!choice) return undefined;
      const week = updateWeek(choice, now);
      const draft = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Drafting the weekly update…') }, () => deps.draft(week));
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: draft.text });
      await vscode.window.showTextDocument(document, { preview: false });
      deps.drafts.track(document);
      for (const problem of draft.problems) void showWarning(message`${problem}`);
      return document;
    },
  };
}
