import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-graphql-env-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe("the console's GraphQL types", () => {
  it('are generated from the committed schema (run `npm run graphql:types` after `api/schema.graphql` changes)', () => {
    const output = path.join(folder, 'graphql-env.d.ts');
    execFileSync(path.join(root, 'node_modules/.bin/gql.tada'), ['generate-output', '--output', output], { cwd: root, stdio: 'pipe' });
    const committed = fs.readFileSync(path.join(root, 'admin-ui/src/graphql-env.d.ts'), 'utf8');
    expect(committed === fs.readFileSync(output, 'utf8'), 'admin-ui/src/graphql-env.d.ts is stale: run `npm run graphql:types`').toBe(true);
  });
});
