import {
  defaultFieldResolver, getNullableType, GraphQLError, isInputObjectType, isListType, isObjectType, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';

/** Characters in any string an outsider sends, unless named below. */
export const defaultMaxLength = 10_000;
/** Items in any list an outsider sends. */
export const maxListItems = 5_000;
/** A whole notice's text (as the importer's own limit on extracted text). */
const longer: Record<string, number> = {
  'Mutation.parseNotice.text': 2_000_000,
  'NoticeDraftInput.sourceText': 2_000_000,
};

const tooLong = (name: string, max: number) =>
  new GraphQLError(`输入过长：${name} 最多 ${max} 个字符。 Too long: ${name} takes at most ${max} characters.`, { extensions: { code: 'BAD_USER_INPUT', field: name } });
const tooMany = (name: string) =>
  new GraphQLError(`输入过多：${name} 最多 ${maxListItems} 项。 Too many items: ${name} takes at most ${maxListItems}.`, { extensions: { code: 'BAD_USER_INPUT', field: name } });

/** The first value beyond its limit, as the error to answer with; null when every value is within its limits. */
function check(type: GraphQLInputType, value: unknown, coordinate: string, name: string): GraphQLError | null {
  if (value === null || value === undefined) return null;
  const inner = getNullableType(type);
  if (isListType(inner)) {
    const items = Array.isArray(value) ? value : [value];
    if (items.length > maxListItems) return tooMany(name);
    for (const item of items) {
      const error = check(inner.ofType, item, coordinate, name);
      if (error) return error;
    }
    return null;
  }
  if (isInputObjectType(inner)) {
    for (const field of Object.values(inner.getFields())) {
      const error = check(field.type, (value as Record<string, unknown>)[field.name], `${inner.name}.${field.name}`, field.name);
      if (error) return error;
    }
    return null;
  }
  const max = longer[coordinate] ?? defaultMaxLength;
  return typeof value === 'string' && value.length > max ? tooLong(name, max) : null;
}

/**
 * Length limits on every string argument and input field of the schema, and a
 * limit on every list, checked before any resolver runs: an oversized comment
 * gets a validation error at once instead of travelling to a workflow.
 */
export function applyInputLimits(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        for (const arg of field.args) {
          const error = check(arg.type, (args as Record<string, unknown>)[arg.name], `${type.name}.${field.name}.${arg.name}`, arg.name);
          if (error) throw error;
        }
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
