import { allHandlersFinished, condition, defineQuery, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import type { CaseEvent } from '../domain/credit/cases.ts';
import {
  appealWindowProvisional, applyAppealAction, closeAppealWindow, openAppealWindow, retimeAppealWindow, validateAppealAction, validateAppealRetime,
  type AppealRequest, type AppealWindowState, type NewAppealWindow,
} from '../domain/scoring/appeals.ts';
import { appealNotices } from '../domain/scoring/appeal-notices.ts';
import type { Notice } from '../domain/supervision/notices.ts';
import { retimeUpdate } from './retime.ts';

/** The window as it stands, without its calendar. */
export const scoreAppealsQuery = defineQuery<Omit<AppealWindowState, 'calendar'>>('scoreAppeals');
/** Appeal, uphold, correct, publish: validated synchronously, answered with the recorded event. */
export const scoreAppealsActUpdate = defineUpdate<CaseEvent, [AppealRequest]>('scoreAppealsAct');

const { projectScoreAppeals, correctScoreLine, publishFinalSheet, deliverNotices } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** One workflow per announced sheet (its first version), whatever versions corrections make. */
export const scoreAppealsWorkflowId = (sheetId: string) => `score-appeals:${sheetId}`;

/**
 * A score sheet's publicity period (公示与申诉): holds the appeal window open
 * until the end of its last working day, takes units' appeals, the
 * performance office's decisions (a correction makes a new sheet version,
 * one at a time) and, once the window has closed with every appeal decided,
 * the final publication, which ends it.
 */
export async function scoreAppealsWorkflow(input: NewAppealWindow): Promise<string> {
  const state = openAppealWindow(input, Date.now());
  const pending: CaseEvent[] = [...state.events];
  // The units hear of the announcement, and each appealing unit of its decision, once the read model shows it.
  const outbox: Notice[] = state.events.flatMap((e) => appealNotices(state, e));
  // Corrections and the publication each act on the version the one before made.
  let busy = false;
  const serially = async <T>(work: () => Promise<T>): Promise<T> => {
    await condition(() => !busy);
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
    }
  };
  const project = async () => {
    const { calendar: _c, lines: _l, events, ...rest } = state;
    await projectScoreAppeals({ ...rest, seq: events.length, provisional: appealWindowProvisional(state) }, pending.splice(0));
    if (outbox.length > 0) await deliverNotices(outbox.splice(0));
  };

  setHandler(scoreAppealsQuery, () => {
    const { calendar: _calendar, ...rest } = state;
    return rest;
  });
  setHandler(
    scoreAppealsActUpdate,
    async (request) => {
      pending.push(...closeAppealWindow(state, Date.now()));
      const { action, actor } = request;
      const event = applyAppealAction(state, request, Date.now());
      pending.push(event);
      outbox.push(...appealNotices(state, event));
      if (action.type === 'correct') {
        const appeal = state.appeals.find((a) => a.appealId === action.appealId)!;
        await serially(async () => {
          state.sheetId = await correctScoreLine({ appeal, fromSheetId: state.sheetId, by: actor.name, at: event.at });
          appeal.correctedSheetId = state.sheetId;
        });
      }
      if (action.type === 'publish') await serially(() => publishFinalSheet(state.sheetId, actor.name, event.at));
      await project();
      return event;
    },
    { validator: (request) => validateAppealAction(state, request, Date.now()) },
  );
  setHandler(
    retimeUpdate,
    (times) => {
      const event = retimeAppealWindow(state, times, Date.now());
      if (event) pending.push(event);
      return event;
    },
    { validator: (times) => validateAppealRetime(state, times) },
  );

  for (;;) {
    pending.push(...closeAppealWindow(state, Date.now()));
    if (pending.length > 0) await project();
    if (state.status === 'published') break;
    const open = state.status === 'open';
    await condition(() => pending.length > 0 || state.status === 'published', open ? Math.max(state.closesAt - Date.now(), 1) : undefined);
  }
  await condition(allHandlersFinished);
  if (pending.length > 0) await project();
  return state.sheetId;
}
