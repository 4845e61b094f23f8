import type { ActionType } from '../dataProvider/actions.ts';

/** Actions shown as buttons; the rest go in the row's "more" menu. */
export const everydayActions: ReadonlySet<ActionType> = new Set(['acknowledge', 'urge', 'accept', 'return', 'decideExtension', 'designate', 'progress', 'submit', 'requestExtension', 'signOff', 'returnDraft']);

/** The action a row most likely wants next: drawn filled, the others outlined. */
export const mainActions: ReadonlySet<ActionType> = new Set(['acknowledge', 'urge', 'accept', 'decideExtension', 'designate', 'submit', 'signOff']);

/** Actions a person sends files with. */
export const withFiles: ReadonlySet<ActionType> = new Set(['progress', 'submit', 'requestExtension']);
