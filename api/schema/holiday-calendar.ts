import { packageArrangement, yearCovered } from '../../domain/time/holiday-calendar.ts';
import { shanghaiDate } from '../../domain/time/instants.ts';
import { HolidayCalendarRefused, holidayArrangements, setHolidayCalendars, type ArrangementInput, type Retiming } from '../../services/holiday-calendar.ts';
import { maxCalendarFileBytes, readHolidayFile } from '../calendar/holiday-file.ts';
import { builder, type Context } from './builder.ts';
import { mutationErrors, ValidationError } from './errors.ts';

interface CalendarYear {
  year: number;
  source: 'package' | 'office' | 'missing';
  holidays: string[];
  workingWeekends: string[];
  enteredBy: string | null;
  enteredAt: Date | null;
}

const CalendarSource = builder.enumType('HolidayCalendarSource', {
  values: {
    package: { description: '内置日历 The chinese-days package' },
    office: { description: '本单位录入 Entered here' },
    missing: { description: '尚未录入，期限暂按周末计算 Not entered: deadlines count weekends only (provisional)' },
  } as const,
});

const HolidayCalendarYear = builder.objectRef<CalendarYear>('HolidayCalendarYear').implement({
  description: '一个年度的放假安排 A year\'s holiday arrangement (放假安排) and where working days come from.',
  fields: (t) => ({
    year: t.exposeInt('year'),
    source: t.expose('source', { type: CalendarSource, description: '工作日的来源 Where working days come from.' }),
    holidays: t.exposeStringList('holidays', { description: '放假日期 YYYY-MM-DD' }),
    workingWeekends: t.exposeStringList('workingWeekends', { description: '调休上班的周末 YYYY-MM-DD' }),
    enteredBy: t.exposeString('enteredBy', { nullable: true }),
    enteredAt: t.expose('enteredAt', { type: 'DateTime', nullable: true }),
  }),
});

const HolidayCalendarResult = builder.objectRef<{ years: CalendarYear[] } & Retiming>('HolidayCalendarResult').implement({
  description: '录入结果：期限已按新的安排重新计算 The arrangement stored; running processes re-timed.',
  fields: (t) => ({
    years: t.field({ type: [HolidayCalendarYear], resolve: (r) => r.years }),
    checked: t.exposeInt('checked', { description: '收到新日历的在办事项 Running processes sent the new calendar.' }),
    retimed: t.exposeInt('retimed', { description: '期限或提示随之改变的事项 Those whose deadlines or provisional mark changed.' }),
  }),
});

/** Last year to three years ahead, and every year the office entered. */
async function calendarYears(ctx: Context): Promise<CalendarYear[]> {
  const rows = await ctx.prisma.holidayCalendar.findMany();
  const office = new Map(rows.map((r) => [r.year, r]));
  const thisYear = Number(shanghaiDate(Date.now()).slice(0, 4));
  const years = new Set([thisYear - 1, thisYear, thisYear + 1, thisYear + 2, ...office.keys()]);
  const arrangements = await holidayArrangements(ctx.prisma);
  return [...years].sort((a, b) => a - b).map((year) => {
    const fromPackage = packageArrangement(year);
    if (fromPackage) return { ...fromPackage, source: 'package', enteredBy: null, enteredAt: null };
    const row = office.get(year);
    if (row && yearCovered(year, arrangements)) {
      return { year, source: 'office', holidays: JSON.parse(row.holidays), workingWeekends: JSON.parse(row.workingWeekends), enteredBy: row.enteredBy, enteredAt: row.enteredAt };
    }
    return { year, source: 'missing', holidays: [], workingWeekends: [], enteredBy: null, enteredAt: null };
  });
}

builder.queryField('holidayCalendars', (t) =>
  t.field({
    type: [HolidayCalendarYear],
    description: '工作日来源：内置日历、本单位录入的放假安排，或尚缺 Where working days come from, year by year.',
    authScopes: { signedIn: true },
    resolve: (_root, _args, ctx) => calendarYears(ctx),
  }),
);

/** Stores the years and re-times running processes; answers with the years as they now stand. */
async function enter(ctx: Context, inputs: ArrangementInput[]) {
  try {
    const { checked, retimed } = await setHolidayCalendars(ctx, ctx.actor!, inputs);
    const entered = new Set(inputs.map((i) => i.year));
    return { years: (await calendarYears(ctx)).filter((y) => entered.has(y.year)), checked, retimed };
  } catch (error) {
    if (error instanceof HolidayCalendarRefused) throw new ValidationError(error.message);
    throw error;
  }
}

builder.mutationField('setHolidayCalendar', (t) =>
  t.field({
    type: HolidayCalendarResult,
    description: '录入某年度放假安排（国务院办公厅通知）；在办事项的期限随即重算 Enters a year\'s arrangement; running processes are re-timed at once (administrators).',
    authScopes: { admin: true },
    errors: { types: mutationErrors },
    args: {
      year: t.arg.int({ required: true }),
      holidays: t.arg.stringList({ required: true, description: '放假日期：YYYY-MM-DD 或区间 2027-02-06~2027-02-12' }),
      workingWeekends: t.arg.stringList({ required: true, description: '调休上班的周六、周日 YYYY-MM-DD' }),
    },
    resolve: (_root, args, ctx) => enter(ctx, [{ year: args.year, holidays: args.holidays, workingWeekends: args.workingWeekends }]),
  }),
);

builder.mutationField('importHolidayCalendar', (t) =>
  t.field({
    type: HolidayCalendarResult,
    description: '从 JSON 或 .xlsx 导入放假安排 Imports arrangements from JSON ({ year, holidays, workingWeekends }) or .xlsx/CSV rows (日期, 放假|上班); any error and nothing is stored.',
    authScopes: { admin: true },
    errors: { types: mutationErrors },
    args: { file: t.arg({ type: 'File', required: true }) },
    resolve: async (_root, { file }, ctx) => {
      if (file.size > maxCalendarFileBytes) throw new ValidationError('文件超过 256 KB。 The file is larger than 256 KB.');
      const read = await readHolidayFile(new Uint8Array(await file.arrayBuffer()), file.name);
      if (typeof read === 'string') throw new ValidationError(read);
      return enter(ctx, read);
    },
  }),
);
