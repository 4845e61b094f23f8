/**
 * Notices from Hong Kong, Macao, Taiwan or old scans are in traditional characters.
 * Rather than converting the text (body names must stay exactly as written), the
 * grammar's patterns accept both forms of the characters they use.
 */
const table = (
  '牵牽 头頭 负負 责責 单單 协協 参參 与與 职職 务務 别別 关關 于於 门門 区區 县縣 级級 设設 机機 构構 ' +
  '业業 发發 会會 员員 厅廳 办辦 属屬 个個 为為 联聯 团團 组組 织織 领領 导導 间間 时時 内內 后後 应應 ' +
  '须須 将將 报報 见見 规規 划劃 计計 项項 实實 贯貫 彻徹 号號 国國 党黨 镇鎮 乡鄉 场場 监監 质質 标標 ' +
  '准準 总總 处處 队隊 银銀 证證 险險 馆館 卫衛 环環 态態 财財 农農 电電 网網 广廣 访訪 问問 数數 键鍵 ' +
  '来來 页頁 览覽 过過 经經 请請 执執 现現 开開 动動 专專 题題 汇匯彙 检檢 测測 审審 医醫 药藥 资資 产產 ' +
  '统統 筹籌 调調 约約 决決 细細 则則 纲綱 复復 据據 布佈 辖轄 兴興 编編 辑輯 扫掃 维維 码碼 当當 ' +
  '预預 击擊 点點 浏瀏 录錄 类類 体體 况況 节節 条條 议議 传傳'
).split(' ');

const variants = new Map(table.map((entry) => [entry[0]!, entry.slice(1)]));

/** A regular expression source in which each simplified character also matches its traditional forms. */
export function tc(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      out += c + (source[++i] ?? '');
      continue;
    }
    if (c === '[') inClass = true;
    if (c === ']') inClass = false;
    const alt = variants.get(c);
    out += !alt ? c : inClass ? c + alt : `[${c}${alt}]`;
  }
  return out;
}

/** A RegExp built with {@link tc}. */
export const re = (source: string, flags = '') => new RegExp(tc(source), flags);
