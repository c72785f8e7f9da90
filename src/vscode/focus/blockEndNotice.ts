import type { InertText } from '../../core/inertText';

/** One thing to tell the lead after a block: shown as a notification, or picked from the parked list. */
export interface BlockEndNotice {
  /** Shows it as a real notification. */
  readonly show: () => void;
  /** Its line in the parked list (the status-bar item's picker). */
  readonly label: InertText<'pick'>;
  /** What picking it in the parked list does. */
  readonly pick: () => void;
  /** Set for a message parked during that block (the mid-block break suggestion): the block's end replaces it. */
  readonly duringBlock?: string;
  /** Its row in the Time Blocks view while it waits there (the mid-block break suggestion). */
  readonly row?: InertText<'tree'>;
}
