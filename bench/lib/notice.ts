// A large notice in the seed's genre, built from the seed's own pieces, with
// the leads and supports each generated task must parse to.
import fs from 'node:fs';
import { parseNotice } from '../../domain/plan/parse.ts';

export const seedPath = new URL('../../prisma/seed/tianjin-2015-market-supervision.txt', import.meta.url);
export const seedText = (): string => fs.readFileSync(seedPath, 'utf8');

const chineseNumber = (n: number): string => {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
};

export interface GeneratedNotice {
  text: string;
  /** In written order: what each task must parse to. */
  expected: Array<{ ref: string; leads: string[]; supports: string[] }>;
}

/**
 * `sections` × `perSection` tasks: the seed's header (title, date, basis), its
 * section titles in turn, its task texts in turn, each with the responsibility
 * parenthetical of another seed task (a permutation, so lead/support
 * combinations vary across the notice), then the seed's Part 二 requirements.
 */
export function generateNotice(sections = 20, perSection = 10): GeneratedNotice {
  const seed = seedText();
  const parsed = parseNotice(seed);
  const lines = seed.split('\n');
  const partOne = lines.findIndex((l) => l.startsWith('一、'));
  const partTwo = lines.findIndex((l) => l.startsWith('二、'));
  const header = lines.slice(0, partOne + 1);
  const tail = lines.slice(partTwo);
  const sectionTitles = lines.slice(partOne, partTwo).flatMap((l) => (/^\([一二三四五六七八九十]+\)(.+)$/.exec(l)?.slice(1, 2) ?? []));
  const seedTasks = lines
    .slice(partOne, partTwo)
    .flatMap((l) => {
      const m = /^\d+\.(.+)([（(][^（）()]+[）)])$/.exec(l);
      return m ? [{ body: m[1]!, roles: m[2]! }] : [];
    });
  if (seedTasks.length !== parsed.tasks.length || sectionTitles.length === 0) {
    throw new Error(`the seed's layout changed: ${seedTasks.length} task lines, ${parsed.tasks.length} parsed tasks, ${sectionTitles.length} sections`);
  }

  const out = [...header, ''];
  const expected: GeneratedNotice['expected'] = [];
  for (let s = 0; s < sections; s++) {
    out.push(`(${chineseNumber(s + 1)})${sectionTitles[s % sectionTitles.length]}`, '');
    for (let t = 0; t < perSection; t++) {
      const g = s * perSection + t;
      const body = seedTasks[g % seedTasks.length]!.body;
      const r = (g * 3 + 5) % seedTasks.length; // 3 is prime to 35: every parenthetical in turn
      out.push(`${t + 1}.${body}${seedTasks[r]!.roles}`, '');
      expected.push({ ref: `${s + 1}.${t + 1}`, leads: parsed.tasks[r]!.leads, supports: parsed.tasks[r]!.supports });
    }
  }
  out.push(...tail);
  return { text: out.join('\n'), expected };
}
