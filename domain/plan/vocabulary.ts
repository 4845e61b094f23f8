import { re } from './variants.ts';

/**
 * The words of the genre, in one place: how notices say who leads and who
 * supports, as verbs ("市A牵头，市B配合"), as labels ("牵头单位：市A") and as the
 * header cells of a task table (序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限).
 */

/** What a label or a column holds. 责任单位 leads when nothing else leads, and supports a 牵头单位. */
export type Slot = 'leads' | 'supports' | 'responsible' | 'division' | 'timeLimits' | 'ignored';

const unit = '(?:单位|部门|处室|科室|机构|主体)';
const unitMark = `(?:${unit}|[（(]\\s*(?:单位|部门)\\s*[）)])`;

/** Labels (and header cells) by what they hold, tried in order: persons and time before roles, supports before leads. */
const slotWords: Array<[Slot, string]> = [
  ['ignored', '(?:牵头|责任|分管|联系|协调|包保|督办|主要)?(?:负责)?(?:市|省|区|县|局|校)?(?:级)?领导(?:同志)?|联系人|责任人|经办人|适用范围|备注|说明|完成情况|进展情况|工作进展|(?:督办|督查|考核)(?:单位|部门)'],
  ['timeLimits', '(?:完成|办结|推进|实施)?(?:时限|期限)(?:要求)?|完成(?:时间|日期)|时间(?:要求|节点|安排|进度)?|进度(?:安排|要求)|时序进度'],
  ['supports', `(?:配合|协办|协助|协同|参与|参加|次要|其他|其它|相关)(?:责任)?${unit}?|责任\\s*[（(]\\s*配合\\s*[）)]\\s*${unit}`],
  ['leads', `(?:牵头(?:负责|责任)?|主办|主责|主要责任|第一责任|主体责任)${unitMark}?|(?:负责|承办)${unitMark}`],
  ['division', '(?:部门|责任|任务|职责|工作)?分工'],
  ['responsible', `(?:责任|实施|落实|执行)${unitMark}|责任${unit}?`],
];

const anySlot = slotWords.map(([, words]) => words).join('|');

/** A label with its colon, anywhere: "牵头单位：", "（责任单位:". */
export const labels = re(`(?<label>${anySlot})\\s*[:：]`, 'g');

/** A line that starts with a label. */
export const labelLine = re(`^[（(〔【\\[]?\\s*(?:${anySlot})\\s*[:：]`);

/** A label no word list knows ("工作目标：", "适用地区："): within a role text it ends the previous value. */
export const anyLabel = re('(?<=^|[，,；;。\\s])(?<label>[\\u4e00-\\u9fff]{2,8})\\s*[:：]', 'g');

const slotPatterns = slotWords.map(([slot, words]): [Slot, RegExp] => [slot, re(`^(?:${words})$`)]);

/** What a label holds; null when it is no label of the genre. */
export function slotOf(label: string): Slot | null {
  const word = label.replace(/\s+/g, '');
  return slotPatterns.find(([, pattern]) => pattern.test(word))?.[0] ?? null;
}

/** Columns of a task table. */
export type Column = Slot | 'number' | 'text' | 'section';

const columnWords: Array<[Column, RegExp]> = [
  ['number', re('^(?:序号|编号|序|号|No\\.?)$', 'i')],
  ['section', re('^(?:类别|分类|类型|领域|重点领域|板块|方面|专项|工作类别|任务类别|一级指标|主要方向|工作板块)$')],
  ['text', re('任务|措施|内容|事项|工作|举措|要点|目标|名称|指标|政策|项目|问题|清单|要求')],
];

/** What a table's header cell names, or null. */
export function columnOf(cell: string): Column | null {
  const word = cell.replace(/[\s:：]+/g, '');
  if (word === '' || word.length > 14) return null;
  return slotOf(word) ?? columnWords.find(([, pattern]) => pattern.test(word))?.[0] ?? null;
}

const dutyBasis = '(?:(?:依据|依照|按照|根据|按|依)(?:各自)?(?:职责|职能)(?:分工)?)?(?:分别|共同|各自)?';
/** Verbs that lead: 牵头 and its kin. */
const leadVerb =
  '(?:统筹|具体|共同)?(?:牵头负责|牵头落实|牵头实施|牵头抓总|牵头|负总责|主办|主责|承办)|统筹协调|统筹|总牵头|为牵头单位|为牵头部门|为主办单位';
/** Verbs that make bodies responsible, like the label 责任单位: they lead alone, and support a 牵头 named beside them. */
const responsibleVerb = '(?:具体|共同)?(?:负责落实|负责实施|负责推进|负责|组织实施|落实)|为责任单位|为责任部门';
const supportVerb = '(?:积极|协同|协助|共同)?(?:配合落实|配合做好|配合)|参与|协助|协办|协同|参加|指导|支持|为配合单位|为配合部门|为协办单位';

/** A role verb ending a clause: "牵头", "按职责分工负责", "配合". */
export const roleVerbs = re(`${dutyBasis}(?<verb>${leadVerb}|${responsibleVerb}|${supportVerb})(?=$|[，,；;。、\\s])`, 'g');
export const isSupportVerb = re(`^(?:${supportVerb})$`);
export const isResponsibleVerb = re(`^(?:${responsibleVerb})$`);
export const endsWithRoleVerb = re(`(?:${leadVerb}|${responsibleVerb}|${supportVerb})$`);

/**
 * In a list, a bracket after a name that speaks of roles: "省发展改革委（牵头）" marks the lead,
 * "（配合）" a support, "（按职责分工负责）" or "（列第一位）" nothing but itself.
 */
const markOf = (words: string) => re(`\\s*[（(〔【\\[][^（）()〔〕【】\\[\\]]*(?:${words})[^（）()〔〕【】\\[\\]]*[）)〕】\\]]$`);
export const supportMark = markOf('配合|协办|参与|协助|协同');
export const leadMark = markOf('牵头|主办|主责');
export const roleMark = markOf('负责|分工|下同|第一位|首位|落实');

/** "列第一位者为牵头单位，下同" and its variants: how the notice reads its lists. */
export const firstListedWords = '第一位|首位|排名第一|排第一|排在第一|第一个|居首|列首';
export const firstListedNote = re(`(?:${firstListedWords})[^，,。；;）)]*(?:牵头|主办|主责)`);
/** … "其他为配合单位": the others listed support. */
export const othersSupport = re('^[^。]{0,20}?(?:其他|其余|其它)[^，,。；;）)]{0,12}(?:配合|协办|参与|协助)');
