import type { BodyKind } from './registry.ts';

/** Words of a name that say it is a set to designate, not one body (有关部门, 各有关单位, 区政府有关部门). */
const placeholderWords = /(^各)|有关|相关|其他|等部门$|等单位$/;
/** A district or county government, or a township's. */
const districtWords = /([区县市旗]|街道|乡|镇)(人民)?政府$/;
/** National bodies and central agencies, outside any local government. */
const externalWords = /^(国家|国务院|中央|中共中央|全国|中国(?!共产党.*[市区县]委)|(?:外交|国防|教育|科学技术|工业和信息化|公安|民政|司法|财政|人力资源和社会保障|自然资源|生态环境|住房和城乡建设|交通运输|水利|农业农村|商务|文化和旅游|退役军人事务|应急管理|审计)部)/;
/** A central regulator's local office or a bank's branch. */
const regulatorWords = /(监管局|[银保证]监局|银保监局|监管分局|分行|支行|海关|税务局)$/;

/** The kind a new body most likely is, from the words of its name (the office confirms it when registering). */
export function guessKind(name: string): BodyKind {
  const n = name.replace(/\s+/g, '');
  if (placeholderWords.test(n)) return 'placeholder';
  if (regulatorWords.test(n)) return 'regulator';
  if (externalWords.test(n)) return 'external';
  if (districtWords.test(n)) return 'district';
  return 'department';
}
