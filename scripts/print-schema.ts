// `npm run schema:print`: writes the GraphQL schema the code builds to api/schema.graphql.
import fs from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from '../api/schema/index.ts';

fs.writeFileSync(new URL('../api/schema.graphql', import.meta.url), `${printSchema(schema)}\n`);
console.log('wrote api/schema.graphql');
