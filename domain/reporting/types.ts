import type { ReportPeriod } from './periods.ts';

/** Where an obligation stands: owed (assigned), filed (submitted), accepted, or returned to be filed again. */
export type ObligationStatus = 'assigned' | 'submitted' | 'accepted' | 'returned';

/** What a body filed for a period. */
export interface PeriodReport {
  text: string;
  percent: number | null;
  attachments: Array<{ id: string; name: string }>;
}

/** One body's report for one period of a recurring task or requirement. */
export interface ReportObligation extends ReportPeriod {
  bodyName: string;
  bodyId: string | null;
  status: ObligationStatus;
  /** Reminder keys already sent (the deadline reminders' own rule). */
  reminders: string[];
  lastOverdueNoticeAt: string | null;
  /** When the report in force was filed (kept once accepted: on time or late is judged by it). */
  submittedAt: string | null;
  acceptedAt: string | null;
  returnCount: number;
  report: PeriodReport | null;
  /** Never a placeholder: the reminder rule's field. */
  placeholder: false;
}

/** A recurrence and whom it binds: the task's own binds its leads; a requirement's binds the bodies it names. */
export interface ReportSchedule {
  rule: string;
  /** Body names (or group names, matched on an assignment's origin); null: every lead. */
  bodyNames: string[] | null;
}

export interface ReportingState {
  /** Obligations start here: periods due before it are not owed. */
  from: string;
  schedules: ReportSchedule[];
  obligations: ReportObligation[];
}

