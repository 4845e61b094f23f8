import SchemaBuilder from '@pothos/core';
import { GraphQLError } from 'graphql';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type PrismaTypes from '../../prisma/generated/pothos-types.ts';
import { getDatamodel } from '../../prisma/generated/pothos-types.ts';
import type { Actor } from '../../domain/supervision/types.ts';
import { recordDenial } from '../auth/denials.ts';
import type { Context } from './context.ts';
import { nodeQueryOptions, nodesQueryOptions } from './nodes.ts';

export type { Context };

export interface AuthScopes {
  /** Any session, even one that must change its password first. */
  session: boolean;
  signedIn: boolean;
  supervisor: boolean;
  department: boolean;
  performance: boolean;
  admin: boolean;
}

/** The one schema builder; each domain adds its types in its own file beside this one. */
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopes;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: { DateTime: { Input: Date; Output: Date }; File: { Input: File; Output: never } };
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin],
  scopeAuth: {
    unauthorizedError: (_parent, ctx, info, result) => {
      recordDenial(ctx.prisma, ctx.actor, `${info.parentType.name}.${info.fieldName}`, result.message, ctx.clientAddress);
      if (ctx.session?.mustChangePassword) {
        return new GraphQLError('请先修改密码。 Change your password first.', { extensions: { code: 'FORBIDDEN', type: 'ForbiddenError' } });
      }
      return new GraphQLError(`无权访问 ${result.message}`, { extensions: { code: 'FORBIDDEN' } });
    },
    authScopes: ({ actor, session }) => {
      // Until a must-change password is changed, the session grants nothing but changing it.
      const granted = actor !== null && !session?.mustChangePassword;
      return {
        session: actor !== null,
        signedIn: granted,
        supervisor: granted && actor.role === 'supervisor',
        department: granted && actor.role === 'department',
        performance: granted && actor.role === 'performance',
        admin: granted && actor.role === 'admin',
      };
    },
  },
  errors: { defaultTypes: [] },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    nodeQueryOptions,
    nodesQueryOptions,
  },
});

builder.queryType({});
builder.mutationType({});

builder.scalarType('DateTime', {
  description: 'An instant, as ISO 8601 (shown to users in China Standard Time).',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError('不是有效的时间 Not a valid date and time');
    // Four-digit years only: the database cannot store a year like +241052, and no deadline lies there.
    const year = date.getUTCFullYear();
    if (year < 1000 || year > 9999) throw new GraphQLError('时间超出范围（1000–9999 年） The date is out of range (years 1000 to 9999)');
    return date;
  },
});

builder.scalarType('File', {
  description: '上传的文件 A file sent with the GraphQL multipart request.',
  serialize: () => {
    throw new Error('File is an input-only scalar');
  },
});
