// `npm run schema:postgres`: writes prisma/postgres/schema.prisma from prisma/schema.prisma.
import fs from 'node:fs';
import { derivePostgresSchema, postgresSchemaPath } from '../runtime/postgres-schema.ts';

fs.writeFileSync(postgresSchemaPath, derivePostgresSchema(fs.readFileSync('prisma/schema.prisma', 'utf8')));
console.log(`wrote ${postgresSchemaPath}`);
