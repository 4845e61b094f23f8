// The worker loads the workflow and domain modules once and every workflow
// shares them (worker/create.ts workflowCode): none of them may keep state of
// its own at module level, which one workflow could change under another.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const modules = (dir: string) =>
  fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => path.join(dir, f));

describe('modules the workflows share', () => {
  it('hold no variable, clock or dice at module level, and the domain calls no workflow API', () => {
    const shared = [...modules('workflows'), ...modules('domain')];
    expect(shared.length).toBeGreaterThan(50);
    for (const file of shared) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      expect(text, file).not.toMatch(/^(export )?(let|var) /m);
      // Loaded once when the worker starts, not when a workflow does: a module-level clock or dice would differ between replays.
      expect(text, file).not.toMatch(/^(export )?const [^=]+= (?!.*=>).*(Date\.now\(\)|Math\.random\(\)|new Date\(\))/m);
      if (file.startsWith('domain')) expect(text, file).not.toContain('@temporalio/workflow');
    }
  });
});
