// Bad input on the importer: random bytes, random text and the seed notice
// damaged at random. Every input gives either a plan or the importer's own
// clear error, never another exception; a plan's tasks always have a ref, a
// text and at least one lead or a warning, and every deadline is an instant.
import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NoticeInputError, readNotice } from '../../api/plans/read-notice.ts';
import { NoticeParseError } from '../../domain/plan/errors.ts';
import { parseNotice } from '../../domain/plan/parse.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 60) * 5;
const seed = fs.readFileSync(new URL('../../prisma/seed/tianjin-2015-market-supervision.txt', import.meta.url), 'utf8');

/** The seed with lines dropped, duplicated, cut short or spliced with noise. */
const damagedSeed = fc
  .array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'repeat', 'cut', 'noise'), fc.string({ unit: 'grapheme', maxLength: 12 })), { maxLength: 12 })
  .map((edits) => {
    const lines = seed.split('\n');
    for (const [at, edit, noise] of edits) {
      const i = at % lines.length;
      if (edit === 'drop') lines.splice(i, 1);
      else if (edit === 'repeat') lines.splice(i, 0, lines[i]!);
      else if (edit === 'cut') lines[i] = lines[i]!.slice(0, at % (lines[i]!.length + 1));
      else lines[i] = `${lines[i]!.slice(0, at % 7)}${noise}${lines[i]!.slice(at % 7)}`;
    }
    return lines.join('\n');
  });

function checkPlan(text: string): 'plan' | 'refused' {
  try {
    const plan = parseNotice(text);
    for (const task of plan.tasks) {
      expect(task.ref).toMatch(/\S/);
      expect(task.text).toMatch(/\S/);
    }
    for (const r of plan.requirements) if (r.due) expect(Number.isNaN(Date.parse(r.due))).toBe(false);
    return 'plan';
  } catch (error) {
    expect(error).toBeInstanceOf(NoticeParseError);
    return 'refused';
  }
}

describe('bad input on the importer', () => {
  it('reads any bytes as a notice or refuses them with a clear reason', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), fc.constantFrom('', 'notice.txt', 'notice.html', 'notice.docx'), async (bytes, name) => {
        try {
          expect(typeof (await readNotice(bytes, name))).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(NoticeInputError);
          expect((error as Error).message).toMatch(/[\u4e00-\u9fff].*[A-Za-z]/);
        }
      }),
      { numRuns: runs },
    );
  });

  it('parses random text into a plan or refuses it with the parser’s own error', () => {
    const outcomes = { plan: 0, refused: 0 };
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ maxLength: 4_000 })), (text) => {
        outcomes[checkPlan(text)]++;
      }),
      { numRuns: runs },
    );
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it('parses the seed damaged at random without ever failing otherwise', () => {
    const outcomes = { plan: 0, refused: 0 };
    fc.assert(fc.property(damagedSeed, (text) => void outcomes[checkPlan(text)]++), { numRuns: runs });
    expect(outcomes.plan).toBeGreaterThan(0);
  });
});
