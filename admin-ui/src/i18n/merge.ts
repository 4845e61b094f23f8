type Messages = { [key: string]: string | Messages };

/** Deep merge of message trees; later trees win key by key. */
export function merge(...trees: object[]): Messages {
  const out: Messages = {};
  for (const tree of trees as Messages[]) {
    for (const [key, value] of Object.entries(tree)) {
      const current = out[key];
      out[key] =
        typeof value === 'object' && typeof current === 'object' ? merge(current, value) : typeof value === 'object' ? merge(value) : value;
    }
  }
  return out;
}
