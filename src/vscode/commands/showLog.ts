import type { LeadDeskLog } from '../log';
import { CommandId } from '../ids';
import type { LeadDeskCommand } from './command';

export function showLogCommand(log: Pick<LeadDeskLog, 'show'>): LeadDeskCommand {
  return { id: CommandId.showLog, doing: 'show the log', run: () => log.show() };
}
