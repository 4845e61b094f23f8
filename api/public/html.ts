const markup = Symbol('markup');

/** HTML built by the `html` tag: only such values are inserted into a page unescaped. */
export interface Html {
  readonly [markup]: string;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object' && markup in value) return (value as Html)[markup];
  return String(value).replace(/[&<>"'`]/g, (c) => escapes[c]!);
}

/**
 * A template tag that escapes every interpolated value by default (text and
 * attribute values alike); arrays are joined, and only fragments built with
 * `html` itself pass through as markup.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return { [markup]: strings.reduce((out, text, i) => out + render(values[i - 1]) + text) };
}

/** The finished page's text. */
export const pageText = (page: Html): string => page[markup];
