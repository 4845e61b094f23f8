/** The plan a notice is read into: the contract the importer, the API and the console rely on. */
export interface ParsedTask {
  /** "<section ordinal>.<task number as written>" ("2.4"); a single-level notice's tasks are all in section 1 ("1.4"). */
  ref: string;
  /** The heading of the section, without its number. */
  section: string;
  /** The task as written, without its number and its responsibility parenthetical or labels. */
  text: string;
  /** Lead bodies, exactly as written, in written order: the first is the primary lead. */
  leads: string[];
  /** Supporting bodies (配合, 参与, 协助), exactly as written. */
  supports: string[];
}

export interface ParsedRequirement {
  /** The sentence (or clause) that sets the deadline. */
  text: string;
  /** ISO 8601 instant in China Standard Time ("2016-01-31T23:59:59+08:00"), or null. */
  due: string | null;
  /** RFC 5545 RRULE of a recurring deadline ("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"), or null. */
  recurrence: string | null;
  /** The bodies it binds, exactly as written ("各牵头部门" means every lead body). */
  appliesTo: string[];
}

/** What a warning is about; the console words each in its own language. */
export const warningCodes = [
  'noTitle',
  'noDate',
  'noRoles',
  'rolesUnread',
  'noLead',
  'duplicateRef',
  'unknownBody',
  'placeholderBody',
  'unresolvedDeadline',
  'requirementWithoutBody',
] as const;

export type WarningCode = (typeof warningCodes)[number];

/** Something a person should check in the draft. */
export interface PlanWarning {
  code: WarningCode;
  /** Chinese, then English. */
  message: string;
  /** The task it is about (for a body: the first task naming it). */
  ref: string | null;
  /** The body it is about, as written. */
  body: string | null;
  /** The words of the notice it is about: a deadline phrase, a requirement's text. */
  detail: string | null;
}

export interface ParsedPlan {
  title: string;
  issuer: string | null;
  /** The notice's own date (成文日期), YYYY-MM-DD. */
  issuedOn: string | null;
  /** The number (or title) of the document the notice implements; for a notice that is itself the policy, its own number. */
  basis: string | null;
  tasks: ParsedTask[];
  requirements: ParsedRequirement[];
  warnings: PlanWarning[];
}

/** A requirement with where it came from: the deadline phrase as written and the task it sits in. */
export interface DetailedRequirement extends ParsedRequirement {
  phrase: string;
  taskRef: string | null;
}

export interface DetailedPlan extends Omit<ParsedPlan, 'requirements'> {
  requirements: DetailedRequirement[];
}
