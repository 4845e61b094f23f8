import fs from 'node:fs';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from './schema/index.ts';

describe('the committed schema', () => {
  it('is the schema the code builds (run `npm run schema:print` after changing it)', () => {
    const committed = fs.readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });
});
