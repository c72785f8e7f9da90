import * as vscode from 'vscode';
import { message, pick } from '../../../core/inertText';
import { parseSchedule } from '../../../core/focus/schedule';
import { addScheduleEntry, describeBlock, removeScheduleEntry, updateScheduleEntry, type BlockFields, type ScheduleEdit } from '../../../core/focus/scheduleEdits';
import { livePlanned } from '../../../core/focus/plannedBlocks';
import { formatOccurrenceTimes } from '../../../core/focus/upcoming';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import { showWarning } from '../../ui/notify';
import { pickOne, type InertPickItem } from '../../ui/quickPick';
import type { FocusModel } from '../focusModel';
import { pickBlockFields } from './scheduleFields';
import { t } from '../../l10n';

const section = 'leadDesk';
const key = 'focus.schedule';

type Choice = { kind: 'add' } | { kind: 'json' } | { kind: 'weekly'; index: number; fields: BlockFields } | { kind: 'planned'; id: string };

/**
 * Lead Desk: Edit Focus Schedule. Adds, edits and removes weekly blocks with quick picks, writing
 * `leadDesk.focus.schedule` where it is set now (user settings unless a workspace sets it); blocks
 * saved for later with Find Focus Time can be removed here too.
 */
export function editFocusScheduleCommand(model: FocusModel): LeadDeskCommand {
  return {
    id: CommandId.editFocusSchedule,
    doing: 'edit the focus schedule',
    async run() {
      const raw = vscode.workspace.getConfiguration(section).get<unknown>(key);
      const entries = parseSchedule(raw).entries;
      const now = model.clock.now();
      const items: Array<InertPickItem<Choice>> = [
        ...entries.map((e) => ({ label: pick`$(calendar) ${describeBlock(e)}`, description: pick`weekly`, value: { kind: 'weekly' as const, index: e.index, fields: e } })),
        ...livePlanned(model.state, now).map((p) => ({ label: pick`$(pinned) ${formatOccurrenceTimes(p)} · ${p.label}`, description: pick`once`, value: { kind: 'planned' as const, id: p.id } })),
        { label: pick`$(add) Add a Weekly Block…`, value: { kind: 'add' } },
        { label: pick`$(json) Edit in settings.json`, value: { kind: 'json' } },
      ];
      const choice = await pickOne(items, { title: t('Edit Focus Schedule'), placeHolder: entries.length ? t('Pick a block to change or remove, or add one') : t('No weekly blocks yet: add one') });
      if (!choice) return;
      switch (choice.kind) {
        case 'json':
          await vscode.commands.executeCommand('workbench.action.openSettingsJson', { revealSetting: { key: `${section}.${key}` } });
          return;
        case 'add': {
          const fields = await pickBlockFields(t('Add a Weekly Block'));
          if (fields) await write((current) => addScheduleEntry(current, fields));
          return;
        }
        case 'planned': {
          const remove = await pickOne([{ label: pick`$(trash) Remove This Block`, value: true }], { title: t('Block saved for later') });
          if (remove) await model.coordinator.unplan(choice.id);
          return;
        }
        case 'weekly': {
          const action = await pickOne(
            [
              { label: pick`$(edit) Change…`, value: 'edit' as const },
              { label: pick`$(trash) Remove`, value: 'remove' as const },
            ],
            { title: describeBlock(choice.fields) },
          );
          if (action === 'remove') await write((current) => removeScheduleEntry(current, choice.index));
          if (action === 'edit') {
            const fields = await pickBlockFields(t('Change the Block'), choice.fields);
            if (fields) await write((current) => updateScheduleEntry(current, choice.index, fields));
          }
          return;
        }
      }
    },
  };
}

/** Applies the edit to the setting as it is now (it may have changed while the pickers were open). */
async function write(edit: (current: unknown) => ScheduleEdit): Promise<void> {
  const config = vscode.workspace.getConfiguration(section);
  const where = config.inspect<unknown>(key);
  const target = where?.workspaceFolderValue !== undefined
    ? vscode.ConfigurationTarget.WorkspaceFolder
    : where?.workspaceValue !== undefined
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  const result = edit(config.get<unknown>(key));
  if (!result.ok) {
    void showWarning(message`${result.problem}`);
    return;
  }
  await config.update(key, result.value, target);
}
