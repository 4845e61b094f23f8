import { unpipe } from './pipes.ts';
import { re, tc } from './variants.ts';

/** The labels of a page's metadata table besides those below, as written with spaces between their characters. */
const metadataLabels = ['名称', '内容概述', '信息分类', '生成日期', '发文日期', '关键词', '有效性', '所属机构', '公开时限', '公开形式', '体裁分类', '组配分类', '服务对象', '文件编号', '发布文号'];
const spaced = (label: string) => tc([...label].join('\\s*'));

/**
 * Notices are copied from web pages: the lines around the text (date of the
 * visit, source, counters, publication date, keywords, navigation, the source
 * URL a crawler added) say nothing about the work and are dropped.
 */
const chromeLines = [
  re('^今天是'),
  re('^(来\\s*源|访问次数|浏览次数|点击数|阅读数|发布时间|发布日期|更新时间|文章关键字|关键[字词]|责任编辑|编辑|字号|分享到|当前位置|您的位置|' +
    '索\\s*引\\s*号|主题分类|发文机关|发文字号|成文日期|标\\s*题|主\\s*题\\s*词|信息来源|发布机构|生成日期|公开方式|公开范围|' +
    '有效性|效力状态|文\\s*号|分\\s*类|版权所有|网站标识码|作\\s*者)\\s*[:：]'),
  re('访问次数|浏览次数|发布时间\\s*[:：]|【(打印|关闭|字体|字号)'),
  re('^(打印本页|关闭窗口|返回顶部|打印|关闭|收藏|扫一扫.*|相关链接|相关文件|相关阅读|相关新闻|政策解读|附件下载|网站地图|联系我们|上一篇.*|下一篇.*)$'),
  re('ICP备|网站标识码|版权所有'),
  re('^[（(]此件.{1,6}[）)]$'),
  // The page's versions and aids, and the link to the full text: 简体版 繁體版 信息无障碍, 全文.
  re('^(?:(?:简体版|繁體版|繁体版|简体|繁體|繁体|信息无障碍|无障碍浏览|无障碍|长者模式|关怀版|适老版|手机版|移动版|English|登录|注册)\\s*)+$', 'i'),
  re('^(?:全文|正文|原文|阅读全文|查看全文|全文下载|下载全文)$'),
  // A metadata table copied line by line, its labels spaced out ("关  键 词：", "名       称：").
  new RegExp(`^(?:${metadataLabels.map(spaced).join('|')})\\s*[:：]`),
  /^source\s*:/i,
  /^https?:\/\//i,
  re('^(首页|网站首页|当前位置).*[>»＞]'),
];

export const isChrome = (line: string) => chromeLines.some((pattern) => pattern.test(line));

/**
 * The text's lines, trimmed, without blank lines and page chrome. A line with
 * tabs between words is a table row: its tabs at either end are empty cells
 * and stay; cells separated by | become tab-separated (pipes.ts).
 */
export function contentLines(text: string): string[] {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const trimmed = line.replace(/^[ \f\v\u3000\u00a0\ufeff]+|[ \f\v\u3000\u00a0\ufeff]+$/g, '');
      const words = trimmed.replace(/^\t+|\t+$/g, '');
      return words.includes('\t') ? trimmed : words;
    })
    .filter((line) => line !== '' && !isChrome(line.trim()));
  return unpipe(lines);
}
