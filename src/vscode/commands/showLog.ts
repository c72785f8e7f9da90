import type { Services } from '../services';
import { CommandId } from '../ids';
import type { LeadDeskCommand } from './command';

export function showLogCommand({ log }: Services): LeadDeskCommand {
  return { id: CommandId.showLog, doing: 'show the log', run: () => log.show() };
}
