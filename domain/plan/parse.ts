import { BodyRegistry } from '../bodies/registry.ts';
import { tianjinBodies } from '../bodies/tianjin.ts';
import { contentLines } from './chrome.ts';
import { readDocument } from './document.ts';
import { NoticeParseError } from './errors.ts';
import { buildOutline } from './outline.ts';
import { collectRequirements } from './requirements.ts';
import { readConventions } from './roles.ts';
import { collectTasks } from './tasks.ts';
import type { DetailedPlan, ParsedPlan } from './types.ts';
import { bodyWarnings } from './warnings.ts';

export interface ParseOptions {
  /** The bodies names are checked against; the seed's Tianjin bodies by default. */
  registry?: BodyRegistry;
}

const tianjin = new BodyRegistry(tianjinBodies);

/** Reads a notice into a plan, keeping each deadline's phrase and task. Pure: no I/O, no clock. */
export function analyzeNotice(text: string, options: ParseOptions = {}): DetailedPlan {
  const registry = options.registry ?? tianjin;
  const lines = contentLines(text);
  if (lines.length === 0) throw new NoticeParseError('empty');
  const document = readDocument(lines, text);
  const context = { registry, conventions: readConventions(text) };
  const blocks = buildOutline(lines, document, context);
  const { drafts, warnings } = collectTasks(blocks, document.title, context);
  if (drafts.length === 0) throw new NoticeParseError('no-tasks');
  const tasks = drafts.map((d) => d.task);
  const required = collectRequirements(blocks, drafts, { issuedOn: document.issuedOn }, registry);
  return {
    title: document.title,
    issuer: document.issuer,
    issuedOn: document.issuedOn,
    basis: document.basis,
    tasks,
    requirements: required.requirements,
    warnings: [...document.warnings, ...warnings, ...bodyWarnings(tasks, registry), ...required.warnings],
  };
}

/** The plan as the contract states it, without the extras of {@link analyzeNotice}. */
export function toContract(plan: DetailedPlan): ParsedPlan {
  return {
    title: plan.title,
    issuer: plan.issuer,
    issuedOn: plan.issuedOn,
    basis: plan.basis,
    tasks: plan.tasks.map(({ ref, section, text, leads, supports }) => ({ ref, section, text, leads, supports })),
    requirements: plan.requirements.map(({ text, due, recurrence, appliesTo }) => ({ text, due, recurrence, appliesTo })),
    warnings: plan.warnings,
  };
}

/** Reads the text of a task-division notice into a plan; throws {@link NoticeParseError} when it has no numbered tasks. */
export function parseNotice(text: string, options?: ParseOptions): ParsedPlan {
  return toContract(analyzeNotice(text, options));
}
