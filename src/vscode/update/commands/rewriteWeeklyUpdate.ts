import * as vscode from 'vscode';
import { message } from '../../../core/inertText';
import { t } from '../../l10n';
import { rewritePrompt } from '../../../core/update/rewritePrompt';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import { showInfo, showWarning } from '../../ui/notify';
import type { UpdateDrafts } from '../updateDrafts';
import { noDraftMessage } from './copyWeeklyUpdate';

function modelError(err: vscode.LanguageModelError): string {
  if (err.code === vscode.LanguageModelError.NoPermissions.name) return t('VS Code did not allow Lead Desk to use the language model. Allow it when asked, then run the rewrite again.');
  if (err.code === vscode.LanguageModelError.Blocked.name) return t('The language model refused the request for now (quota or policy). Try again later; the draft is unchanged.');
  if (err.code === vscode.LanguageModelError.NotFound.name) return t('The language model is no longer available. Run the rewrite again to pick another one.');
  return t('The language model failed ({0}). The draft is unchanged; try again.', err.message);
}

/**
 * A second version of the open draft for readers outside engineering, opened beside it. Only this
 * command uses a model; without one it says so, and the draft never needs one.
 */
export function rewriteWeeklyUpdateCommand(drafts: UpdateDrafts): LeadDeskCommand {
  return {
    id: CommandId.rewriteWeeklyUpdate,
    doing: 'rewrite the weekly update',
    async run() {
      const source = drafts.current();
      if (!source) {
        void showInfo(noDraftMessage);
        return undefined;
      }
      const [model] = await vscode.lm.selectChatModels();
      if (!model) {
        void showInfo(message`Rewrite for Non-Technical Readers needs a language model in VS Code, such as the one GitHub Copilot Chat provides. Install or sign in to one, then run it again. The draft itself does not need one.`);
        return undefined;
      }
      let text = '';
      try {
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Rewriting the weekly update…'), cancellable: true }, async (_progress, token) => {
          const response = await model.sendRequest([vscode.LanguageModelChatMessage.User(rewritePrompt(source.getText()))], { justification: t('Lead Desk rewrites your weekly update for readers outside engineering.') }, token);
          for await (const fragment of response.text) text += fragment;
        });
      } catch (err) {
        if (err instanceof vscode.LanguageModelError) {
          void showWarning(message`${modelError(err)}`);
          return undefined;
        }
        throw err;
      }
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
      drafts.track(document);
      return document;
    },
  };
}
