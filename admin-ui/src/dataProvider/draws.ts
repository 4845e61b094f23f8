import { answer, graphql, request, requestUpload, type ResultOf, type VariablesOf } from '../graphql.ts';

const AnnounceInspectionRound = graphql(`
  mutation AnnounceInspectionRound($input: AnnounceInspectionRoundInput!) {
    announceInspectionRound(input: $input) { __typename ... on Error { message } ... on MutationAnnounceInspectionRoundSuccess { data { id } } }
  }
`);
const DrawInspectionRound = graphql(`
  mutation DrawInspectionRound($roundId: ID!, $beacon: String!) {
    drawInspectionRound(roundId: $roundId, beacon: $beacon) { __typename ... on Error { message } ... on MutationDrawInspectionRoundSuccess { data { status } } }
  }
`);

export type AnnounceRoundInput = VariablesOf<typeof AnnounceInspectionRound>['input'];

/** Announces a round: the population is frozen and published with its hash and the beacon source. Answers with the round's node id. */
export async function announceInspectionRound(input: AnnounceRoundInput) {
  return answer(await request(AnnounceInspectionRound, { input }));
}

/** Enters the announced beacon's value; the round is drawn at once. */
export async function drawInspectionRound(roundId: string, beacon: string) {
  return answer(await request(DrawInspectionRound, { roundId, beacon }));
}

const CalendarYearFields = graphql(`fragment CalendarYearFields on HolidayCalendarYear @_unmask { year source holidays workingWeekends enteredBy enteredAt }`);
const CalendarResultFields = graphql(`fragment CalendarResultFields on HolidayCalendarResult @_unmask { checked retimed years { ...CalendarYearFields } }`, [CalendarYearFields]);

const HolidayCalendars = graphql(`query HolidayCalendars { holidayCalendars { ...CalendarYearFields } }`, [CalendarYearFields]);
const SetHolidayCalendar = graphql(`
  mutation SetHolidayCalendar($year: Int!, $holidays: [String!]!, $workingWeekends: [String!]!) {
    setHolidayCalendar(year: $year, holidays: $holidays, workingWeekends: $workingWeekends) {
      __typename ... on Error { message } ... on MutationSetHolidayCalendarSuccess { data { ...CalendarResultFields } }
    }
  }
`, [CalendarResultFields]);
const ImportHolidayCalendar = graphql(`
  mutation ImportHolidayCalendar($file: File!) {
    importHolidayCalendar(file: $file) { __typename ... on Error { message } ... on MutationImportHolidayCalendarSuccess { data { ...CalendarResultFields } } }
  }
`, [CalendarResultFields]);

export type CalendarYear = ResultOf<typeof CalendarYearFields>;
export type CalendarResult = ResultOf<typeof CalendarResultFields>;

/** Where working days come from, year by year. */
export async function holidayCalendars(): Promise<CalendarYear[]> {
  return (await request(HolidayCalendars)).holidayCalendars;
}

/** Enters a year's arrangement (administrators); running processes are re-timed. */
export async function setHolidayCalendar(year: number, holidays: string[], workingWeekends: string[]): Promise<CalendarResult> {
  return answer(await request(SetHolidayCalendar, { year, holidays, workingWeekends }));
}

/** Imports arrangements from JSON or .xlsx (administrators). */
export async function importHolidayCalendar(file: File): Promise<CalendarResult> {
  return answer(await requestUpload(ImportHolidayCalendar, {}, file));
}
