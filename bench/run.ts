// Runs every benchmark in bench/ (each `*.bench.ts`, in its own process) and
// writes bench/results/latest.md: every figure next to the reference measured
// in the same run, with a description of the machine.
//
//   npx tsx bench/run.ts              every benchmark
//   npx tsx bench/run.ts parse        only bench/parse.bench.ts (names as in the file names), written to bench/results/parse.md
//
// A benchmark is a script that measures, then calls emit() from bench/lib/report.ts;
// adding bench/<name>.bench.ts is all it takes to be run and reported here.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatNumber as fmt, type BenchResult } from './lib/report.ts';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const root = path.dirname(benchDir);
const only = process.argv.slice(2);
// A run of some benchmarks leaves the full suite's latest.md alone.
const output = path.join(benchDir, 'results', only.length ? `${[...only].sort().join('-')}.md` : 'latest.md');
const benches = fs
  .readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();
if (benches.length === 0) throw new Error(`no benchmark named ${only.join(', ')} in ${benchDir}`);

const sh = (command: string, args: string[]) => {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).trim();
  } catch {
    return '(unavailable)';
  }
};

function machine(): string[] {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const dirty = sh('git', ['-C', root, 'status', '--porcelain']) !== '';
  return [
    `- Date: ${new Date().toISOString()}`,
    `- CPU: ${model}; \`nproc\`: ${sh('nproc', [])}`,
    `- Memory (\`free -h\`):\n\n\`\`\`\n${sh('free', ['-h'])}\n\`\`\`\n`,
    `- Node ${process.version}, ${os.type()} ${os.release()} ${os.arch()}`,
    `- Load average (1, 5, 15 min) at the start: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`,
    `- Code: commit ${sh('git', ['-C', root, 'rev-parse', '--short', 'HEAD'])}${dirty ? ' with uncommitted changes in the working tree' : ''}`,
  ];
}

interface Outcome {
  name: string;
  seconds: number;
  result: BenchResult | null;
  error: string | null;
}

function runOne(name: string): Promise<Outcome> {
  const resultFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'duban-bench-result-')), 'result.json');
  const started = performance.now();
  console.log(`\n=== bench/${name}.bench.ts ===`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(benchDir, `${name}.bench.ts`)], {
      cwd: root,
      env: { ...process.env, BENCH_RESULT_FILE: resultFile },
      stdio: 'inherit',
    });
    // Ctrl-C reaches the child too (same process group); it cleans up, then we report what we have.
    child.on('exit', (code, signal) => {
      const result = fs.existsSync(resultFile) ? (JSON.parse(fs.readFileSync(resultFile, 'utf8')) as BenchResult) : null;
      fs.rmSync(path.dirname(resultFile), { recursive: true, force: true });
      const failed = code !== 0 ? `exited with ${signal ?? `code ${code}`}` : result ? null : 'reported no result';
      resolve({ name, seconds: (performance.now() - started) / 1000, result, error: failed });
    });
  });
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function markdown(outcomes: Outcome[], header: string[]): string {
  const lines = [
    '# Duban benchmarks',
    '',
    `Produced by \`${invocation()}\`. Each figure stands next to a reference measured in the same run on the same machine, ` +
      'because this machine is shared and noisy: compare ratios between runs, not absolute numbers.',
    '',
    '## Machine',
    '',
    ...header,
    '',
    '## Results',
    '',
    '| Benchmark | Figure | Value | Reference (same run) | Ratio |',
    '| --- | --- | ---: | --- | ---: |',
  ];
  for (const { name, result, error } of outcomes) {
    if (!result) {
      lines.push(`| ${name} | **failed**: ${cell(error ?? 'no result')} | | | |`);
      continue;
    }
    for (const f of result.figures) {
      const ref = f.reference ? `${cell(f.reference.label)}: ${fmt(f.reference.value)} ${f.reference.unit}` : '—';
      const ratio = f.ratio ? `${fmt(f.ratio.value)} ${cell(f.ratio.meaning)}` : '—';
      lines.push(`| ${name} | ${cell(f.metric)} | ${fmt(f.value)} ${f.unit} | ${ref} | ${ratio} |`);
    }
  }
  for (const { name, seconds, result, error } of outcomes) {
    lines.push('', `## ${result?.title ?? name}`, '');
    lines.push(`- Alone: \`${result?.command ?? `npx tsx bench/${name}.bench.ts`}\` (took ${seconds.toFixed(0)} s here)`);
    if (error) lines.push(`- **Failed**: ${error}${result ? ' (figures above are what it measured before failing)' : ''}`);
    for (const note of result?.notes ?? []) lines.push(`- ${note}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The command as typed, with the benchmark settings taken from the environment. */
function invocation(): string {
  const settings = Object.entries(process.env)
    .filter(([k]) => k.startsWith('BENCH_') && k !== 'BENCH_RESULT_FILE')
    .map(([k, v]) => `${k}=${v}`)
    .sort();
  const command = process.env.npm_lifecycle_event === 'bench' ? ['npm', 'run', 'bench', ...(only.length ? ['--', ...only] : [])] : ['npx', 'tsx', 'bench/run.ts', ...only];
  return [...settings, ...command].join(' ');
}

const header = machine();
const outcomes: Outcome[] = [];
for (const name of benches) outcomes.push(await runOne(name));
fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, markdown(outcomes, header));
console.log(`\nwrote ${path.relative(process.cwd(), output)}`);
const failed = outcomes.filter((o) => o.error);
if (failed.length) {
  console.error(`failed: ${failed.map((o) => `${o.name} (${o.error})`).join(', ')}`);
  process.exitCode = 1;
}
