/**
 * Normalise an employer / organisation name so that the registered name and the everyday
 * name compare equal (北京字节跳动科技有限公司 ~ 字节跳动).
 *
 * A Chinese enterprise name is built as 行政区划 + 字号 + 行业或经营特点 + 组织形式
 * (administrative region + trade name + industry + legal form: 《企业名称登记管理规定》,
 * State Council Decree No. 734 (2020), art. 6). The normaliser strips, in this order and
 * repeatedly while something changes:
 * 1. bracketed qualifiers: `微软（中国）有限公司` -> `微软有限公司` (brackets of any width);
 * 2. the legal form at the end: 股份有限公司, 有限责任公司, 有限公司, 集团有限公司, 集团,
 *    公司, 分公司, and Latin forms Co., Ltd. / Company Limited / Limited / Ltd / Inc. /
 *    Corp. / Corporation / LLC / GmbH / PLC / S.A.;
 * 3. the industry words at the end: 科技, 网络科技, 信息技术, 技术, 网络, 信息, 软件, 电子商务,
 *    控股, 实业, 传媒, 文化传播, 咨询 ... (see `INDUSTRY_SUFFIXES`);
 * 4. a province or major-city prefix: 北京, 上海, 深圳市, 广东省 ... (see `REGION_PREFIXES`),
 *    unless what follows names an institution of that place (北京大学, 上海银行, 北京日报)
 *    or would leave fewer than two characters. 中国 is never stripped (中国银行, 中国移动 are
 *    the names).
 * Then an optional alias table maps the remaining trade name (阿里 -> 阿里巴巴).
 *
 * Caveat for reports: the stripping is lossy by design. Two different companies with the
 * same trade name in different cities compare equal; the comparison level that uses this
 * says so in its description.
 *
 * @example
 * normalizeOrganization('北京字节跳动科技有限公司')        // => '字节跳动'
 * normalizeOrganization('腾讯科技（深圳）有限公司')        // => '腾讯'
 * normalizeOrganization('Tencent Holdings Co., Ltd.')     // => 'tencent'
 * normalizeOrganization('中國平安保險（集團）股份有限公司') // => '中国平安保险'
 * normalizeOrganization('北京大学')                        // => '北京大学'
 */
import { applyAlias, type AliasTable } from './aliases';
import { normalizeText } from './normalize';

export const LEGAL_FORM_SUFFIXES: readonly string[] = [
  '股份有限公司', '有限责任公司', '集团有限公司', '集团股份有限公司', '有限公司', '分公司', '总公司', '公司', '集团',
  '会计师事务所', '律师事务所',
  '股份', '有限',
];

export const INDUSTRY_SUFFIXES: readonly string[] = [
  '网络科技', '信息科技', '信息技术', '网络技术', '电子商务', '文化传播', '文化传媒', '科技发展', '技术开发', '计算机系统',
  '科技', '技术', '网络', '信息', '软件', '控股', '实业', '传媒', '咨询', '投资', '贸易', '通讯', '通信技术', '在线',
];

export const REGION_PREFIXES: readonly string[] = [
  '北京市', '上海市', '天津市', '重庆市', '北京', '上海', '天津', '重庆',
  '广东省', '浙江省', '江苏省', '山东省', '四川省', '湖北省', '湖南省', '河南省', '河北省', '福建省', '安徽省', '陕西省',
  '辽宁省', '吉林省', '黑龙江省', '江西省', '山西省', '云南省', '贵州省', '广西', '海南省', '甘肃省', '内蒙古',
  '广东', '浙江', '江苏', '山东', '四川', '湖北', '湖南', '河南', '河北', '福建', '安徽', '陕西', '辽宁',
  '深圳市', '广州市', '杭州市', '南京市', '成都市', '武汉市', '西安市', '苏州市', '厦门市', '青岛市', '大连市', '宁波市',
  '深圳', '广州', '杭州', '南京', '成都', '武汉', '西安', '苏州', '厦门', '青岛', '大连', '宁波', '珠海', '东莞',
];

/** A region prefix is kept when what follows names an institution of that region (北京大学, 上海银行). */
const INSTITUTION = /(?:大学|学院|医院|银行|中学|小学|日报|晚报|电视台|研究院|研究所|政府|法院|检察院|公安局|图书馆|博物馆|地铁|机场|农商行)$|^银行/u;

const LATIN_FORMS = /(?:^|\s)(?:co\s*ltd|company\s+limited|co\s+limited|limited|ltd|inc|incorporated|corp|corporation|company|llc|gmbh|plc|s\s*a|holdings?|group|co)\s*$/u;
const BRACKETED = /[(（\[【][^()（）\[\]【】]*[)）\]】]/gu;

function stripSuffixOnce(s: string, suffixes: readonly string[], minRest: number): string {
  for (const suf of suffixes) {
    if (s.endsWith(suf) && [...s.slice(0, s.length - suf.length)].length >= minRest) return s.slice(0, s.length - suf.length);
  }
  return s;
}

/** Normalised organisation name (see the module comment); '' for a missing value. */
export function normalizeOrganization(s: string | null | undefined, aliases?: AliasTable): string {
  if (s == null) return '';
  const unbracketed = String(s).normalize('NFKC').replace(BRACKETED, ' ');
  let t = normalizeText(unbracketed);
  if (!t) t = normalizeText(s);
  let prev = '';
  while (prev !== t) {
    prev = t;
    const latin = t.replace(LATIN_FORMS, '').trim();
    if (latin && latin !== t) t = latin;
    t = stripSuffixOnce(t, LEGAL_FORM_SUFFIXES, 2);
    t = stripSuffixOnce(t, INDUSTRY_SUFFIXES, 2);
    for (const r of REGION_PREFIXES) {
      const rest = t.slice(r.length);
      if (t.startsWith(r) && [...rest].length >= 2 && !INSTITUTION.test(rest)) {
        t = t.slice(r.length);
        break;
      }
    }
  }
  t = t.replace(/\s+/gu, ' ').trim();
  return applyAlias(aliases, t);
}
