import { ActionRefused } from '../../domain/supervision/transitions.ts';
import { builder } from './builder.ts';

/** Errors a user can act on; each message is in Chinese, then English. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
}
export class ValidationError extends Error {
  override name = 'ValidationError';
}
export { ActionRefused };

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: '可处理的错误 An error the user can act on.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

for (const [type, description] of [
  [NotFoundError, '对象不存在 The object does not exist or is not visible to you.'],
  [ForbiddenError, '无权操作 You may not do this.'],
  [ValidationError, '输入有误 The input is not valid.'],
  [ActionRefused, '当前不能执行此操作 The action is not allowed in the current state.'],
] as const) {
  builder.objectType(type, {
    name: type.name === 'ActionRefused' ? 'InvalidTransitionError' : type.name,
    description,
    interfaces: [ErrorInterface],
  });
}

/** Every typed error a mutation may answer with. */
export const mutationErrors = [NotFoundError, ForbiddenError, ValidationError, ActionRefused];
