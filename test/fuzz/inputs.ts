// Arbitrary inputs for the bad-input suite, derived from the GraphQL schema
// itself, so every mutation (today's and tomorrow's) is fuzzed the same way.
import fc from 'fast-check';
import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';

/** Values worth trying wherever a string goes: hostile, huge, almost-valid. */
export function hostileStrings(pool: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '<script>alert(1)</script>',
      "'; DROP TABLE \"Task\"; --",
      '{"$gt": ""}',
      '../../../etc/passwd',
      '９１１２０１０１ＭＡ０５Ｌ８８Ｘ１Ｂ',
      '91120101MA05L88X1C', // unified social credit code with a wrong check character
      '91120101MA05L88X1', // one character short
      'IOZSV0000000000000', // letters the code never uses
      '2016-02-30',
      '2015-13-01T00:00:00+08:00',
      '0000-00-00',
      '明年年底前',
      'NaN',
      '-1',
      '1e309',
    ),
    fc.integer({ min: 1_000, max: 100_000 }).map((n) => '督'.repeat(n)),
    fc.constantFrom(...pool),
  );
}

/** An arbitrary value of a GraphQL input type; nullable positions are sometimes null. */
export function valueOf(type: GraphQLInputType, strings: fc.Arbitrary<string>, ids: fc.Arbitrary<string>, depth = 0): fc.Arbitrary<unknown> {
  const inner = getNullableType(type);
  const value = nonNull(inner, strings, ids, depth);
  return isNonNullType(type) ? value : fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: value });
}

function nonNull(type: GraphQLInputType, strings: fc.Arbitrary<string>, ids: fc.Arbitrary<string>, depth: number): fc.Arbitrary<unknown> {
  if (isListType(type)) return fc.array(valueOf(type.ofType, strings, ids, depth + 1), { maxLength: depth > 2 ? 0 : 4 });
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.value as string));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, strings, ids, depth + 1)])), {
      requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
    });
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return ids;
      case 'Int':
        return fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648));
      case 'Float':
        return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 1e308));
      case 'Boolean':
        return fc.boolean();
      case 'DateTime':
        return fc.oneof({ weight: 4, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) }, { weight: 1, arbitrary: strings });
      case 'File':
        return fc.constant(null);
      default:
        return strings;
    }
  }
  throw new Error(`no generator for ${String(type)}`);
}
