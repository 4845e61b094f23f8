import { classRuleFrom, defaultClassRule, type ClassRule } from '../domain/credit/classes.ts';
import { defaultRoundLimits, type RoundLimits } from '../domain/inspection/round.ts';
import { defaultObjectionLimits, type ObjectionLimits } from '../domain/objection/case.ts';
import { defaultRepairPolicy, type RepairPolicy } from '../domain/repair/eligibility.ts';

/**
 * Credit configuration from the environment, each a JSON object over the defaults:
 * DUBAN_CREDIT_RULE (class thresholds, with a new version name), DUBAN_OBJECTION_LIMITS,
 * DUBAN_REPAIR_POLICY and DUBAN_INSPECTION_LIMITS (working days).
 */
function json<T>(name: string, env: NodeJS.ProcessEnv): Partial<T> {
  const text = env[name];
  if (!text) return {};
  try {
    return JSON.parse(text) as Partial<T>;
  } catch {
    throw new Error(`${name} must be a JSON object, got ${text}`);
  }
}

export const creditClassRule = (env = process.env): ClassRule => classRuleFrom(json<ClassRule>('DUBAN_CREDIT_RULE', env), defaultClassRule);
export const objectionLimits = (env = process.env): ObjectionLimits => ({ ...defaultObjectionLimits, ...json<ObjectionLimits>('DUBAN_OBJECTION_LIMITS', env) });
export const repairPolicy = (env = process.env): RepairPolicy => {
  const config = json<RepairPolicy>('DUBAN_REPAIR_POLICY', env);
  return { ...defaultRepairPolicy, ...config, minimumMonths: { ...defaultRepairPolicy.minimumMonths, ...config.minimumMonths } };
};
export const inspectionLimits = (env = process.env): RoundLimits => ({ ...defaultRoundLimits, ...json<RoundLimits>('DUBAN_INSPECTION_LIMITS', env) });

/** Working days a case's calendar covers: far beyond any time limit, overdue steps included. */
export const calendarWorkingDays = 500;
