import { ActionRefused, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { builder } from './builder.ts';

export { ActionRefused, ForbiddenError, NotFoundError, ValidationError };

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

/** An urge refused because the assignment was urged a moment ago; `force: true` urges anyway. */
export class RecentlyUrgedError extends Error {
  constructor(message: string, readonly lastUrgedAt: Date) {
    super(message);
    this.name = 'RecentlyUrgedError';
  }
}

builder.objectType(RecentlyUrgedError, {
  name: 'RecentlyUrgedError',
  description: '刚催办过 The assignment was urged within the configured interval: send again with force: true to urge anyway.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ lastUrgedAt: t.expose('lastUrgedAt', { type: 'DateTime' }) }),
});

/** Every typed error a mutation may answer with. */
export const mutationErrors = [NotFoundError, ForbiddenError, ValidationError, ActionRefused];
