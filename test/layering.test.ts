// The layers point one way (.dependency-cruiser.cjs, docs/architecture.md): a wrong
// import anywhere in the tree fails this test, and so CI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = path.join(root, '.dependency-cruiser.cjs');
const cli = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/** dependency-cruiser over a tree, as `npm run lint:layers` runs it. */
function cruise(cwd: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [cli, '--config', config, '--output-type', 'err-long', '.'], { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** One wrong arrow per rule, each in a file named for the rule it breaks. */
const wrongArrows: Record<string, Record<string, string>> = {
  'no-circular': { 'services/c1.ts': "import { c2 } from './c2.ts';\nexport const c1 = () => c2;", 'services/c2.ts': "import { c1 } from './c1.ts';\nexport const c2 = () => c1;" },
  'domain-is-pure': { 'domain/pure.ts': "export { b } from '../api/b.ts';" },
  'domain-no-node': { 'domain/node.ts': "import fs from 'node:fs';\nexport const f = fs;" },
  'runtime-is-the-floor': { 'runtime/r.ts': "export { s } from '../services/s.ts';" },
  'readmodel-writes-only': { 'readmodel/m.ts': "export { s } from '../services/s.ts';" },
  'workflows-are-deterministic': { 'workflows/w.ts': "export { r } from '../runtime/r.ts';" },
  'workflows-no-node': { 'workflows/n.ts': "import path from 'node:path';\nexport const p = path;" },
  'workflows-import-activities-by-type': { 'workflows/v.ts': "import { a } from '../activities/a.ts';\nexport const v = a;" },
  'activities-serve-workflows': { 'activities/a.ts': "export { n } from '../workflows/ok.ts';\nexport const a = 1;" },
  'services-below-entry-points': { 'services/s.ts': "export { a } from '../activities/a.ts';\nexport const s = 1;" },
  'api-through-services': { 'api/b.ts': "export { m } from '../readmodel/ok.ts';\nexport const b = 1;" },
  'worker-runs-activities': { 'worker/k.ts': "export { b } from '../api/b.ts';" },
  'console-reads-the-api': { 'admin-ui/src/c.ts': "export { s } from '../../services/s.ts';" },
  'nothing-imports-tests': { 'services/t.ts': "export { h } from '../test/h.ts';" },
  'nothing-imports-scripts': { 'api/sc.ts': "export { x } from '../scripts/x.ts';" },
};
const targets = {
  'workflows/ok.ts': 'export const n = 1;', 'readmodel/ok.ts': 'export const m = 1;', 'test/h.ts': 'export const h = 1;', 'scripts/x.ts': 'export const x = 1;',
};

describe('layering', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-layering-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('holds across the whole tree: every import points down the layers', () => {
    const { status, output } = cruise(root);
    expect(output).toMatch(/no dependency violations found \((\d{3,}) modules/);
    expect(status, output).toBe(0);
  });

  it('fails on a wrong arrow of every kind', () => {
    fs.copyFileSync(path.join(root, 'tsconfig.json'), path.join(scratch, 'tsconfig.json'));
    for (const [file, text] of Object.entries({ ...targets, ...Object.assign({}, ...Object.values(wrongArrows)) as Record<string, string> })) {
      fs.mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
      fs.writeFileSync(path.join(scratch, file), `${text}\n`);
    }
    const { status, output } = cruise(scratch);
    expect(status).not.toBe(0);
    const rules = [...new Set([...output.matchAll(/error ([\w-]+):/g)].map((m) => m[1]))].sort();
    expect(rules).toEqual(Object.keys(wrongArrows).sort());
  });
});
