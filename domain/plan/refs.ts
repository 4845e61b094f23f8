/** Task refs ("2.10") in numeric order, part by part: 1.2 before 1.10, 2 before 2.1. */
export function compareTaskRefs(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] === undefined || y[i] === undefined) return x.length - y.length;
    const d = Number(x[i]) - Number(y[i]);
    if (d) return d;
    if (Number.isNaN(d) && x[i] !== y[i]) return x[i]!.localeCompare(y[i]!);
  }
  return 0;
}
