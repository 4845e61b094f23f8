import { useCallback, useEffect, useState } from 'react';
import { Alert, Box, Button, Chip, Stack, TextField, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { useAccount } from '../auth/account.ts';
import { holidayCalendars, importHolidayCalendar, setHolidayCalendar, type CalendarResult, type CalendarYear } from '../dataProvider/draws.ts';
import { Panel } from '../shared/Panel.tsx';

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Sorted dates as runs of consecutive days, each "YYYY-MM-DD" or "YYYY-MM-DD~YYYY-MM-DD", as the State Council's notice reads. */
function spans(dates: string[]): string[] {
  const runs: Array<[string, string]> = [];
  for (const date of dates) {
    const last = runs.at(-1);
    if (last && nextDay(last[1]) === date) last[1] = date;
    else runs.push([date, date]);
  }
  return runs.map(([from, to]) => (from === to ? from : `${from}~${to}`));
}
const sourceColour = { package: 'default', office: 'success', missing: 'warning' } as const;

/** An administrator enters a year's arrangement by hand, dates or ranges one a line. */
function EnterYear({ year, onSaved }: { year: CalendarYear; onSaved: (result: CalendarResult) => void }) {
  const translate = useTranslate();
  const [holidays, setHolidays] = useState(spans(year.holidays).join('\n'));
  const [weekends, setWeekends] = useState(year.workingWeekends.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await setHolidayCalendar(year.year, lines(holidays), lines(weekends)));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Panel title={translate('duban.calendar.enter', { year: year.year })} testId={`calendar-enter-${year.year}`}>
      <Stack spacing={2}>
        <TextField multiline minRows={4} size="small" label={translate('duban.calendar.holidaysInput')} value={holidays} onChange={(e) => setHolidays(e.target.value)} slotProps={{ htmlInput: { 'data-field': 'holidays' } }} />
        <TextField multiline minRows={2} size="small" label={translate('duban.calendar.workingWeekendsInput')} value={weekends} onChange={(e) => setWeekends(e.target.value)} slotProps={{ htmlInput: { 'data-field': 'workingWeekends' } }} />
        <Box><Button variant="contained" size="small" disabled={busy} data-action="saveCalendar" onClick={save}>{translate('duban.calendar.save')}</Button></Box>
        {error && <Alert severity="error" role="alert" sx={{ whiteSpace: 'pre-line' }}>{error}</Alert>}
      </Stack>
    </Panel>
  );
}

/**
 * Where working days come from, year by year: the built-in calendar, the
 * arrangement an administrator entered or imported, or nothing yet (deadlines
 * provisional). Entering a year re-times the running processes at once.
 */
export function HolidayCalendarPage() {
  const translate = useTranslate();
  const admin = useAccount()?.role === 'admin';
  const [years, setYears] = useState<CalendarYear[]>([]);
  const [editing, setEditing] = useState<CalendarYear | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => void holidayCalendars().then(setYears, (e: Error) => setError(e.message)), []);
  useEffect(load, [load]);
  const saved = (result: CalendarResult) => {
    setEditing(null);
    setError(null);
    setNotice(translate('duban.calendar.saved', { checked: result.checked, retimed: result.retimed }));
    load();
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setNotice(null);
    setError(null);
    try {
      saved(await importHolidayCalendar(file));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Box sx={{ py: 2 }}>
      <Title title={translate('duban.calendar.title')} />
      <Stack spacing={2}>
        <Panel title={translate('duban.calendar.title')}>
          <Stack spacing={1}>
            <Typography variant="body2" color="text.secondary">{translate('duban.calendar.intro')}</Typography>
            {admin && (
              <Stack direction="row" useFlexGap spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Button component="label" variant="outlined" size="small">
                  {translate('duban.calendar.import')}
                  <input hidden type="file" accept=".json,.xlsx,.csv,application/json" data-testid="calendar-import-file" onChange={(e) => void upload(e.target.files?.[0])} />
                </Button>
                <Typography variant="caption" color="text.secondary">{translate('duban.calendar.importHelp')}</Typography>
              </Stack>
            )}
            {notice && <Alert severity="success" data-testid="calendar-saved">{notice}</Alert>}
            {error && <Alert severity="error" role="alert" sx={{ whiteSpace: 'pre-line' }}>{error}</Alert>}
          </Stack>
        </Panel>
        {editing && <EnterYear key={editing.year} year={editing} onSaved={saved} />}
        {years.map((y) => (
          <Panel
            key={y.year}
            testId="calendar-year"
            title={<span data-year={y.year}>{y.year} <Chip size="small" color={sourceColour[y.source]} label={translate(`duban.calendar.source.${y.source}`)} /></span>}
            action={admin && y.source !== 'package' && <Button size="small" data-action="enterYear" onClick={() => setEditing(y)}>{translate('duban.calendar.enter', { year: y.year })}</Button>}
          >
            <Stack spacing={0.5} data-testid="calendar-days" data-year={y.year} data-source={y.source}>
              <Typography variant="body2">{translate('duban.calendar.holidays')}：{spans(y.holidays).join('、') || translate('duban.calendar.none')}</Typography>
              <Typography variant="body2">{translate('duban.calendar.workingWeekends')}：{spans(y.workingWeekends).join('、') || translate('duban.calendar.none')}</Typography>
              {y.enteredBy && <Typography variant="caption" color="text.secondary">{translate('duban.calendar.enteredBy')}：{y.enteredBy}</Typography>}
            </Stack>
          </Panel>
        ))}
      </Stack>
    </Box>
  );
}
