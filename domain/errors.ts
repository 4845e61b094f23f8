/**
 * Errors a user can act on, each worded for the person who caused it: Chinese,
 * then English. Domain rules and services throw them; the API answers each as a
 * typed GraphQL error (api/schema/errors.ts).
 */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
}
export class ValidationError extends Error {
  override name = 'ValidationError';
}
/** An action the current state does not allow: an Update validator's refusal. */
export class ActionRefused extends Error {
  override name = 'ActionRefused';
}

/** Refuses an action the current state does not allow, with the reason in Chinese, then English. */
export function refuse(zh: string, en: string): never {
  throw new ActionRefused(`${zh} ${en}`);
}

/** Refuses an actor whose role or body may not take the action, whatever the state. */
export function forbid(zh: string, en: string): never {
  throw new ForbiddenError(`${zh} ${en}`);
}

/** Whether a check that throws its refusal lets the action through: `availableActions` asks the validators this way. */
export function passes(check: () => void): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}
