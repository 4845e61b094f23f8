import type { AssignmentRecord, RecordedEvent, TaskRecord } from './replay.ts';

/**
 * A hand-built plan for the bulletin tests: six tasks, six units, a
 * designation, an extension, a late acceptance, a return and an event after
 * the period. Counted by hand in bulletin.test.ts for November 2026.
 */
export const unitNames: Record<string, string> = {
  legal: '市法制办', commerce: '市商务委', police: '市公安局', environment: '市环保局', heping: '和平区', hedong: '河东区',
};

const due = (date: string) => `${date}T15:59:59.000Z`; // 23:59:59 in Shanghai
const at = (date: string) => `${date}T02:00:00.000Z`; // 10:00 in Shanghai

function assignment(taskId: string, unit: string, role: 'lead' | 'support', dueOn: string | null, placeholder = false): AssignmentRecord {
  const bodyName = placeholder ? unit : unitNames[unit]!;
  return { id: `${taskId}/${bodyName}`, bodyName, unit, role, placeholder, originalDue: dueOn && due(dueOn) };
}

function events(taskId: string, list: Array<[string, string, string, Record<string, unknown>?]>): RecordedEvent[] {
  return list.map(([type, unit, date, data], i) => ({
    id: `${taskId}#${i + 1}`, seq: i + 1, type, at: at(date), bodyName: unitNames[unit] ?? unit, data: data ?? {},
  }));
}

export const novemberPlan: TaskRecord[] = [
  {
    id: 't1.1', ref: '1.1', text: '制定具体办法',
    assignments: [assignment('t1.1', 'legal', 'lead', '2026-11-10'), assignment('t1.1', 'commerce', 'lead', '2026-11-10')],
    events: events('t1.1', [['submit', 'legal', '2026-11-09'], ['accept', 'legal', '2026-11-12'], ['urge', 'commerce', '2026-11-20']]),
  },
  {
    id: 't1.2', ref: '1.2', text: '编制监管目录',
    assignments: [assignment('t1.2', 'legal', 'lead', '2026-10-20'), assignment('t1.2', 'police', 'lead', '2026-11-20')],
    events: events('t1.2', [
      ['submit', 'legal', '2026-10-25'], ['accept', 'legal', '2026-10-26'], ['submit', 'police', '2026-11-19'], ['accept', 'police', '2026-11-21'],
    ]),
  },
  {
    id: 't1.3', ref: '1.3', text: '建立信用档案',
    assignments: [assignment('t1.3', 'commerce', 'lead', '2026-10-15'), assignment('t1.3', 'environment', 'support', '2026-12-15')],
    events: events('t1.3', [['submit', 'commerce', '2026-11-05'], ['accept', 'commerce', '2026-11-06']]),
  },
  {
    id: 't1.4', ref: '1.4', text: '开展联合检查',
    assignments: [assignment('t1.4', 'police', 'lead', '2026-11-25'), assignment('t1.4', 'environment', 'support', '2026-11-28')],
    events: events('t1.4', [
      ['requestExtension', 'police', '2026-11-18', { until: due('2026-12-31') }],
      ['decideExtension', 'police', '2026-11-20', { approve: true, until: due('2026-12-31') }],
    ]),
  },
  {
    id: 't2.1', ref: '2.1', text: '各区落实监管责任',
    assignments: [assignment('t2.1', '各区县人民政府', 'lead', '2026-11-15', true), assignment('t2.1', 'heping', 'lead', '2026-11-15'), assignment('t2.1', 'hedong', 'lead', '2026-11-15')],
    events: events('t2.1', [
      ['designate', '各区县人民政府', '2026-11-02', { bodies: ['和平区', '河东区'] }], ['submit', 'heping', '2026-11-14'], ['accept', 'heping', '2026-11-16'],
    ]),
  },
  {
    id: 't2.2', ref: '2.2', text: '报送自查报告',
    assignments: [assignment('t2.2', 'legal', 'lead', '2026-11-05')],
    events: events('t2.2', [['submit', 'legal', '2026-11-04'], ['return', 'legal', '2026-11-06'], ['submit', 'legal', '2026-12-02']]),
  },
];

/** The ladder's rungs on the November plan: [action, unit, date, working days overdue, slip number]. */
const rungs: Record<string, Array<[string, string, string, number, string | null]>> = {
  't1.1': [['yellowSlip', 'commerce', '2026-11-17', 5, '督办〔2026〕4号'], ['redSlip', 'commerce', '2026-11-24', 10, '督办〔2026〕6号']],
  't1.3': [['redSlip', 'commerce', '2026-10-29', 10, '督办〔2026〕1号']],
  't2.2': [['redSlip', 'legal', '2026-11-19', 10, '督办〔2026〕5号'], ['interview', 'legal', '2026-11-26', 15, null]],
};
const points: Record<string, number> = { yellowSlip: -1, redSlip: -2, interview: -2 };

/**
 * The November plan with the escalation ladder's events: in November a yellow
 * and a red 督办单 to 市商务委 on 1.1, a red one and a 约谈 to 市法制办 on 2.2; in
 * October (before the period) a red one to 市商务委 on 1.3.
 */
export const escalatedPlan: TaskRecord[] = novemberPlan.map((t) => ({
  ...t,
  events: [...t.events, ...(rungs[t.id] ?? []).map(([action, unit, date, days, slip], i): RecordedEvent => ({
    id: `${t.id}#${t.events.length + i + 1}`, seq: t.events.length + i + 1, type: 'escalated', at: at(date), bodyName: unitNames[unit]!,
    data: { rungId: action, action, daysOverdue: days, points: points[action], ...(slip ? { slipNumber: slip } : {}) },
  }))],
}));
