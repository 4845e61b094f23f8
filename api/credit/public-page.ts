import { creditClassNames, type CreditClass } from '../../domain/credit/classes.ts';

interface Listing {
  total: number;
  entities: Array<{ code: string; name: string; district: string; industry: string; creditClass: string; records: Array<{ kind: string; date: string; amountYuan: number | null; underObjection: boolean }> }>;
}

const colours: Record<string, string> = { green: '#2e7d32', yellow: '#f9a825', red: '#c62828', black: '#212121' };
const kinds: Record<string, string> = { penalty: '行政处罚', abnormal: '经营异常名录', seriousViolation: '严重违法失信名单', refusedInspection: '拒绝检查' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The public listing as a page anyone can open (no sign-in), each class in the colour of the seed notice. */
export function publicCreditPage(listing: Listing, query: { search: string; creditClass: string; offset: number; limit: number }): string {
  const options = (Object.entries(creditClassNames) as Array<[CreditClass, { zh: string; colour: string }]>)
    .map(([id, c]) => `<option value="${id}"${query.creditClass === id ? ' selected' : ''}>${c.zh}</option>`).join('');
  const rows = listing.entities.map((e) => {
    const c = creditClassNames[e.creditClass as CreditClass] ?? creditClassNames.good;
    const objected = e.records.some((r) => r.underObjection);
    const records = e.records.map((r) => `${kinds[r.kind] ?? r.kind} ${r.date}${r.amountYuan !== null ? ` ¥${r.amountYuan.toLocaleString('en-US')}` : ''}${r.underObjection ? ' <mark>异议处理中 under objection</mark>' : ''}`).join('<br>');
    return `<tr><td><code>${escape(e.code)}</code></td><td>${escape(e.name)}</td><td>${escape(e.district)}</td><td>${escape(e.industry)}</td>`
      + `<td><span class="class" style="background:${colours[c.colour]}" data-class="${e.creditClass}">${c.zh} ${c.colour}</span>${objected ? ' <mark>异议中</mark>' : ''}</td><td>${records || '—'}</td></tr>`;
  }).join('\n');
  const page = (offset: number, label: string) => `<a href="?search=${encodeURIComponent(query.search)}&class=${query.creditClass}&offset=${offset}">${label}</a>`;
  const next = query.offset + query.limit < listing.total ? page(query.offset + query.limit, '下一页 Next') : '';
  const previous = query.offset > 0 ? page(Math.max(0, query.offset - query.limit), '上一页 Previous') : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>市场主体信用风险分类公示 Credit risk classes of market entities</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4em;text-align:left;vertical-align:top}.class{color:#fff;padding:.1em .5em;border-radius:.3em;white-space:nowrap}mark{background:#fff3cd}</style></head>
<body><h1>市场主体信用风险分类公示 <small>Credit risk classes of market entities</small></h1>
<p>良好（绿）、警示（黄）、失信（红）、严重失信（黑）。标注"异议处理中"的记录正在复核。 Good (green), warning (yellow), dishonest (red), seriously dishonest (black); records marked "under objection" are being reviewed.</p>
<form><input name="search" placeholder="名称或代码 Name or code" value="${escape(query.search)}"> <select name="class"><option value="">全部 All</option>${options}</select> <button>查询 Search</button></form>
<p>共 ${listing.total} 户 ${listing.total} entities</p>
<table><thead><tr><th>统一社会信用代码</th><th>名称 Name</th><th>区县 District</th><th>行业 Industry</th><th>信用等级 Class</th><th>公示记录 Published records</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p>${previous} ${next}</p></body></html>`;
}
