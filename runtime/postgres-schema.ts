/**
 * The PostgreSQL variant of the read model's schema, derived from the one
 * source (prisma/schema.prisma) so that the two never drift apart: the same
 * models, another provider, its own generated client, no Pothos types (the
 * API's types come from the source schema's; both clients share the models).
 */
export const postgresSchemaPath = 'prisma/postgres/schema.prisma';
export const postgresMigrationsPath = 'prisma/postgres/migrations';

export function derivePostgresSchema(source: string): string {
  const withoutPothos = source.replace(/\ngenerator pothos \{[^}]*\}\n/, '');
  if (withoutPothos === source) throw new Error('prisma/schema.prisma: the pothos generator block was not found');
  const postgres = withoutPothos.replace(/provider = "sqlite"/, 'provider = "postgresql"');
  if (postgres === withoutPothos) throw new Error('prisma/schema.prisma: provider = "sqlite" was not found');
  return `// Derived from prisma/schema.prisma by \`npm run schema:postgres\`: edit the source, not this file.\n${postgres}`;
}
