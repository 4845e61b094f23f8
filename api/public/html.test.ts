import { describe, expect, it } from 'vitest';
import { html, pageText } from './html.ts';

describe('the html template tag', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const hostile = `<script>alert("x")</script>' onmouseover='x' \`&`;
    expect(pageText(html`<p title="${hostile}">${hostile}</p>`)).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;x&#39; &#96;&amp;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;x&#39; &#96;&amp;</p>',
    );
  });

  it('joins arrays, drops null and false, and nests fragments built with html without escaping them twice', () => {
    const items = ['a&b', '<i>'].map((t) => html`<li>${t}</li>`);
    expect(pageText(html`<ul>${items}</ul>${null}${false}${0}`)).toBe('<ul><li>a&amp;b</li><li>&lt;i&gt;</li></ul>0');
  });

  it('never treats a look-alike object as markup', () => {
    expect(pageText(html`${{ toString: () => '<b>' }}`)).toBe('&lt;b&gt;');
  });
});
