import { GraphQLError, isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { Context } from './context.ts';

/** At most this many ids in one `nodes` call. */
export const maxNodeIds = 100;

type GlobalId = { typename: string; id: string };

const notFound = () => new GraphQLError('对象不存在。 No such object.', { extensions: { code: 'NOT_FOUND' } });

/** A node type of the schema (an id naming anything else names nothing). */
function isNodeType(info: GraphQLResolveInfo, typename: string): boolean {
  const type = info.schema.getType(typename);
  return isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node');
}

/** Prisma's "record not found" (P2025): a well-formed id of a known type that names nothing. */
const missing = (error: unknown) => (error as { code?: string }).code === 'P2025';

/** One node, or null when it does not exist. */
async function load(id: GlobalId, resolveNodes: (ids: GlobalId[]) => Promise<unknown[]>): Promise<unknown> {
  try {
    return (await resolveNodes([id]))[0] ?? null;
  } catch (error) {
    if (missing(error)) return null;
    throw error;
  }
}

/** Only a session that may read anything loads nodes: anonymous and must-change callers get null, and no refusal is logged. */
const mayRead = (ctx: Context) => ctx.actor !== null && !ctx.session?.mustChangePassword;

export const nodeQueryOptions = {
  resolve: async (_root: unknown, { id }: { id: GlobalId }, ctx: Context, info: GraphQLResolveInfo, resolveNode: (id: GlobalId) => unknown) => {
    if (!mayRead(ctx)) return null;
    if (!isNodeType(info, id.typename)) throw notFound();
    return load(id, async ([one]) => [await resolveNode(one!)]);
  },
};

export const nodesQueryOptions = {
  resolve: async (_root: unknown, { ids }: { ids: GlobalId[] }, ctx: Context, info: GraphQLResolveInfo, resolveNodes: (ids: GlobalId[]) => Promise<unknown[]>) => {
    if (ids.length > maxNodeIds) {
      throw new GraphQLError(`一次最多查询 ${maxNodeIds} 个对象。 At most ${maxNodeIds} ids at once.`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    if (!mayRead(ctx)) return ids.map(() => null);
    return ids.map((id) => (isNodeType(info, id.typename) ? load(id, resolveNodes) : null));
  },
};
