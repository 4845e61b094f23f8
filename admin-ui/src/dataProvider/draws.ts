import { untypedGraphql, untypedUpload, resultFields, untypedUnwrap, type MutationResult } from '../graphql.ts';

export interface AnnounceRoundInput {
  roundId: string;
  title: string;
  date: string;
  beaconSource: string;
  districts: string[];
  industries: string[];
  size?: number;
  ratio?: number;
  checklist: Array<{ id: string; text: string }>;
  bodies: Array<{ bodyId: string; industries: string[] }>;
  inspectorsPerBody: number;
}

/** Announces a round: the population is frozen and published with its hash and the beacon source. Answers with the round's node id. */
export async function announceInspectionRound(input: AnnounceRoundInput): Promise<{ id: string }> {
  const data = await untypedGraphql<{ announceInspectionRound: MutationResult<{ id: string }> }>(
    `mutation ($input: AnnounceInspectionRoundInput!) { announceInspectionRound(input: $input) { ${resultFields('MutationAnnounceInspectionRoundSuccess', 'id')} } }`,
    { input },
  );
  return untypedUnwrap(data.announceInspectionRound);
}

/** Enters the announced beacon's value; the round is drawn at once. */
export async function drawInspectionRound(roundId: string, beacon: string) {
  const data = await untypedGraphql<{ drawInspectionRound: MutationResult<{ status: string }> }>(
    `mutation ($roundId: ID!, $beacon: String!) { drawInspectionRound(roundId: $roundId, beacon: $beacon) { ${resultFields('MutationDrawInspectionRoundSuccess', 'status')} } }`,
    { roundId, beacon },
  );
  return untypedUnwrap(data.drawInspectionRound);
}

export interface CalendarYear {
  year: number;
  source: 'package' | 'office' | 'missing';
  holidays: string[];
  workingWeekends: string[];
  enteredBy: string | null;
  enteredAt: string | null;
}

export interface CalendarResult {
  checked: number;
  retimed: number;
  years: CalendarYear[];
}

const yearFields = 'year source holidays workingWeekends enteredBy enteredAt';

/** Where working days come from, year by year. */
export async function holidayCalendars(): Promise<CalendarYear[]> {
  return (await untypedGraphql<{ holidayCalendars: CalendarYear[] }>(`{ holidayCalendars { ${yearFields} } }`)).holidayCalendars;
}

/** Enters a year's arrangement (administrators); running processes are re-timed. */
export async function setHolidayCalendar(year: number, holidays: string[], workingWeekends: string[]): Promise<CalendarResult> {
  const data = await untypedGraphql<{ setHolidayCalendar: MutationResult<CalendarResult> }>(
    `mutation ($year: Int!, $holidays: [String!]!, $workingWeekends: [String!]!) { setHolidayCalendar(year: $year, holidays: $holidays, workingWeekends: $workingWeekends) {
      ${resultFields('MutationSetHolidayCalendarSuccess', `checked retimed years { ${yearFields} }`)} } }`,
    { year, holidays, workingWeekends },
  );
  return untypedUnwrap(data.setHolidayCalendar);
}

/** Imports arrangements from JSON or .xlsx (administrators). */
export async function importHolidayCalendar(file: File): Promise<CalendarResult> {
  const data = await untypedUpload<{ importHolidayCalendar: MutationResult<CalendarResult> }>(
    `mutation ($file: File!) { importHolidayCalendar(file: $file) { ${resultFields('MutationImportHolidayCalendarSuccess', `checked retimed years { ${yearFields} }`)} } }`,
    {},
    file,
  );
  return untypedUnwrap(data.importHolidayCalendar);
}
