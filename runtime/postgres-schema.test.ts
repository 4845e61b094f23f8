import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derivePostgresSchema, postgresSchemaPath } from './postgres-schema.ts';

describe('the PostgreSQL schema derived from prisma/schema.prisma', () => {
  it('is committed as derived from the current source (run npm run schema:postgres and npm run migration:new after a change)', () => {
    const source = fs.readFileSync('prisma/schema.prisma', 'utf8');
    expect(fs.readFileSync(postgresSchemaPath, 'utf8')).toBe(derivePostgresSchema(source));
  });

  it('changes the provider, drops the Pothos generator and keeps every model', () => {
    const source = fs.readFileSync('prisma/schema.prisma', 'utf8');
    const derived = derivePostgresSchema(source);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).not.toContain('provider = "sqlite"');
    expect(derived).not.toContain('prisma-pothos-types');
    const models = (text: string) => text.match(/^model \w+ \{[^}]*\}/gm);
    expect(models(derived)).toEqual(models(source));
  });

  it('refuses a source it does not recognise rather than deriving something else', () => {
    expect(() => derivePostgresSchema('datasource db {\n  provider = "sqlite"\n}\n')).toThrow(/pothos generator/);
    expect(() => derivePostgresSchema('\ngenerator pothos {\n}\ndatasource db {\n  provider = "mysql"\n}\n')).toThrow(/sqlite/);
  });
});
