import type { PublishedRound } from '../../domain/inspection/published.ts';
import type { RoundStatus } from '../../domain/inspection/round.ts';
import { toShanghaiIso } from '../../domain/time/instants.ts';
import { html, pageText, type Html } from './html.ts';

const statusNames: Record<RoundStatus, string> = {
  announced: '已公告，待抽取 Announced, awaiting the beacon',
  drawing: '抽取中 Drawing',
  inspecting: '检查中 Inspecting',
  completed: '已完成 Completed',
  cancelled: '已取消 Cancelled',
};
const status = (s: RoundStatus) => statusNames[s] ?? s;
const when = (iso: string | null) => (iso ? toShanghaiIso(iso).replace('T', ' ').replace('+08:00', '（北京时间）') : '—');
const shownPopulation = 500;

function page(title: string, body: Html): string {
  return pageText(html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:1em auto;max-width:60em;padding:0 1em;color:#222;line-height:1.5}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.35em;text-align:left;vertical-align:top}
.scroll{overflow-x:auto}code,.hash{font-family:ui-monospace,monospace}.hash{word-break:break-all}dd,td,p{overflow-wrap:anywhere}dt{font-weight:600;margin-top:.6em}dd{margin:0}
.note{background:#f4f6f8;padding:.6em .8em;border-radius:.3em}</style></head>
<body>${body}</body></html>`);
}

const howToCheck = html`<p class="note">任何人都可以复核抽取：下载本批次的 JSON，按<a href="/public/draw.md">抽取算法说明</a>自行计算，或运行 <a href="/public/redraw.py">redraw.py</a>（Python 3，只用标准库）：
<code>python3 redraw.py https://本站地址/public/inspections/批次.json</code>。
Anyone can check a draw: download the round's JSON and follow <a href="/public/draw.md">the specification</a>, or run <a href="/public/redraw.py">redraw.py</a> (Python 3, standard library only).</p>`;

/** Every announced or drawn round, with links to its page and data. */
export function roundListPage(list: { rounds: Array<{ roundId: string; title: string; date: string; status: RoundStatus }> }): string {
  const rows = list.rounds.map((r) => {
    const path = `/public/inspections/${encodeURIComponent(r.roundId)}`;
    return html`<tr><td><a href="${path}"><code>${r.roundId}</code></a></td><td>${r.title}</td><td>${r.date}</td><td>${status(r.status)}</td><td><a href="${path}.json">JSON</a></td></tr>`;
  });
  return page('双随机抽查公示 Random joint inspections', html`<h1>双随机抽查公示 <small>Random joint inspections</small></h1>
<p>每一批次先公告抽取范围（主体名单及其哈希）和将采用的公开随机数来源，待该随机数公布后再抽取，抽取结果任何人可复算。
Each round first announces its population (with its hash) and the public randomness it will use; it is drawn once that value is published, and anyone can redo the draw.</p>
${howToCheck}
<div class="scroll"><table><thead><tr><th>批次 Round</th><th>名称 Title</th><th>日期 Date</th><th>状态 Status</th><th>数据 Data</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="5">暂无 None yet.</td></tr>`}</tbody></table></div>`);
}

/** One round: the announcement, the seed and how it was made, the sample, the population and the officer pool. */
export function roundPage(round: PublishedRound): string {
  const path = `/public/inspections/${encodeURIComponent(round.roundId)}`;
  const sample = round.sample.map((s, i) => html`<tr><td>${i + 1}</td><td><code>${s.code}</code></td><td>${s.inspectors.map((id, j) => html`${j ? '、' : ''}<code>${id}</code>`)}</td></tr>`);
  const population = round.population.slice(0, shownPopulation).map((e) => html`<tr><td><code>${e.code}</code></td><td>${e.industry}</td><td>${e.district}</td></tr>`);
  const officers = round.officers.map((o) => html`<tr><td><code>${o.id}</code></td><td>${o.bodyId}</td><td>${o.active ? '是 yes' : '否（停用）no'}</td><td>${o.conflicts.map((c, j) => html`${j ? ' ' : ''}<code>${c}</code>`)}</td></tr>`);
  const rule = 'size' in round.sampleRule ? `${round.sampleRule.size} 户 entities` : `${round.sampleRule.ratio * 100}%（向上取整 rounded up）`;
  const bodies = round.bodies.map((b) => html`<li><code>${b.bodyId}</code>：${b.industries.length ? b.industries.join('、') : '全部行业 every industry'}</li>`);
  return page(`${round.title}（${round.roundId}）`, html`<p><a href="/public/inspections">← 全部批次 All rounds</a></p>
<h1>${round.title} <small><code>${round.roundId}</code></small></h1>
<p>${status(round.status)} · <a href="${path}.json">JSON</a></p>
${round.recordedAtDraw ? null : html`<p class="note">该批次抽取于公告制度实施之前：行业、区县和执法人员名录为当前状态，未必与抽取时相同。 Drawn before draws were recorded: industries, districts and the pool are as they stand now.</p>`}
<dl>
<dt>抽查日期 Date</dt><dd>${round.date}</dd>
<dt>公告时间 Announced</dt><dd>${when(round.announcedAt)}</dd>
<dt>公开随机数来源 Beacon source（公告时写明 named at announcement）</dt><dd>${round.beaconSource ?? '—（公告制度实施前的批次 drawn before announcements）'}</dd>
<dt>公开随机数 Beacon</dt><dd class="hash">${round.beacon ?? '—'}</dd>
<dt>主体名单哈希 Population hash（${round.populationSize} 户 entities）</dt><dd class="hash">${round.populationHash}</dd>
<dt>种子输入 Seed input</dt><dd class="hash">${round.seedInput ?? '—'}</dd>
<dt>种子 Seed = SHA-256(种子输入 seed input)</dt><dd class="hash">${round.seed ?? '—'}</dd>
<dt>抽取时间 Drawn</dt><dd>${when(round.drawnAt)}</dd>
<dt>抽取规则 Sample</dt><dd>${rule}，本批 ${round.sampleSize} 户 · 每单位 ${round.inspectorsPerBody} 名执法人员 inspectors per body · 算法 algorithm <code>${round.algorithm}</code></dd>
<dt>参加单位及负责行业 Joining bodies and remits</dt><dd><ul>${bodies}</ul></dd>
</dl>
${howToCheck}
<h2>抽中主体（按抽取顺序）及执法人员 Sample in draw order, with inspectors</h2>
<div class="scroll"><table><thead><tr><th>#</th><th>统一社会信用代码 Code</th><th>执法人员 Inspectors</th></tr></thead>
<tbody>${sample.length ? sample : html`<tr><td colspan="3">尚未抽取 Not drawn yet.</td></tr>`}</tbody></table></div>
<h2>抽取范围 Population（${round.populationSize} 户）</h2>
${round.populationSize > shownPopulation ? html`<p>此处列出前 ${shownPopulation} 户，完整名单见 <a href="${path}.json">JSON</a>。 The first ${shownPopulation}; the JSON has them all.</p>` : null}
<div class="scroll"><table><thead><tr><th>统一社会信用代码 Code</th><th>行业 Industry</th><th>区县 District</th></tr></thead><tbody>${population}</tbody></table></div>
<h2>抽取时的执法人员名录 Officer pool at draw time</h2>
<p>回避只公开涉及的主体代码，不公开理由。 Declared conflicts are shown as entity codes only, never the reasons.</p>
<div class="scroll"><table><thead><tr><th>执法证号 ID</th><th>单位 Body</th><th>可抽派 Active</th><th>回避 Conflicts</th></tr></thead>
<tbody>${officers.length ? officers : html`<tr><td colspan="4">抽取时记录 Recorded at the draw.</td></tr>`}</tbody></table></div>`);
}

/** A page for a round that does not exist (or is not public). */
export const notFoundPage = () => page('未找到 Not found', html`<h1>未找到该批次 No such round</h1><p><a href="/public/inspections">全部批次 All rounds</a></p>`);
