/**
 * Vocabularies for synthetic Chinese profiles (surnames, given-name characters, cities,
 * employers, schools, job titles, tags), integer-coded so millions of profiles fit in typed
 * arrays, with functions turning codes back into text.
 *
 * Surname shares: the project's one surname table (`src/text/surnames.ts`: the 2019 national
 * name report's top ten, a rounded continuation to rank 100), used only to give the synthetic
 * names a realistic skew (王, 李, 张 about 7% each); NOT evidence of any real distribution.
 * The remaining mass goes to a tail of rarer surnames. Given-name characters follow a Zipf
 * law (exponent 0.7) over a hand-made list of common given-name characters in rough order of
 * frequency, which includes groups of homophones (伟/玮/炜/薇, 静/婧/晶) so that re-typed
 * copies produce same-pinyin variants. All other vocabularies are made up.
 */
import { pinyinOf } from '../text';
import { SURNAMES_BY_RANK } from '../text/surnames';

/** [surname, share in percent]: the project's one surname table (src/text/surnames.ts). */
export const SURNAME_SHARES: ReadonlyArray<readonly [string, number]> = SURNAMES_BY_RANK;

/** Rarer surnames sharing the remaining mass equally. */
export const RARE_SURNAMES =
  '汤康易乔赖文施洪庞樊兰殷牛葛伍章齐鲁柳温辛管耿祝欧阳季凌裴路焦俞单涂邢岳柯聂骆倪包房宁申芦伊尚左宫柴巫池盛狄桑晏娄计欧甄'.split('');

/** Common given-name characters, roughly most frequent first (homophone groups included). */
const GIVEN_CHARS_TEXT =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚英华玉秀文辉力建国红林斌鹏宇浩凯婷雪琳晨欣亮俊峰海波宁飞龙云萍燕鑫佳颖慧梅莉兰凤晶倩丹琴瑞博志成帅东阳健永新亚轩' +
  '玮炜薇婧铭桦蕾君妍蔷萍钢侠惠彬昊皓雨羽鹤朋亭馨玲凌菲霏雯芸韵琪淇祺琦思涵梓萱子怡诗雅晴嘉悦佩蓉露洁韬民纳方俐莉茜倩' +
  '宏毅泽睿哲航旭坤鸿岩锋帆晓琛翔阔逸铭彤瑶璐珊妮蕊菁芝桐柏松楠杉枫梁栋森淼沛泓涵澜清源深浩然安康乐德厚仁义礼智信忠孝' +
  '春夏秋冬梦蝶莹萌萱冰霜雁鸣凤凰麒麟骏驰腾跃超越卓远志豪杰英雄伦武威振兴家庭和美满福禄寿喜庆祥瑞吉利丰盛荣耀光辉耀';

export const GIVEN_CHARS: readonly string[] = [...new Set([...GIVEN_CHARS_TEXT])];

/** Cities (display and blocking only), most populous first. */
export const CITIES: readonly string[] = (
  '北京 上海 深圳 广州 杭州 成都 重庆 武汉 西安 南京 天津 苏州 郑州 长沙 东莞 青岛 沈阳 宁波 昆明 合肥 佛山 福州 无锡 厦门 济南 大连 哈尔滨 长春 ' +
  '温州 石家庄 南宁 贵阳 南昌 泉州 常州 太原 珠海 烟台 嘉兴 南通 金华 惠州 徐州 中山 台州 绍兴 兰州 海口 潍坊 扬州 乌鲁木齐 呼和浩特 洛阳 镇江 盐城 ' +
  '保定 湖州 唐山 临沂 赣州 芜湖 泰州 廊坊 银川 西宁 拉萨'
).split(' ');

export const TITLES: readonly string[] = (
  '软件工程师 产品经理 销售经理 总经理 人力资源经理 财务经理 会计 律师 医生 教师 设计师 运营经理 市场经理 项目经理 数据分析师 ' +
  '算法工程师 前端工程师 测试工程师 架构师 技术总监 副总裁 首席执行官 行政专员 客服主管 采购经理 咨询顾问 投资经理 记者 编辑 ' +
  '研究员 讲师 护士 药剂师 建筑师 土木工程师 机械工程师 电气工程师 品牌经理 公关经理 法务专员 审计师 分析师 创始人 合伙人 ' +
  '店长 区域经理 渠道经理 商务拓展 交互设计师'
).split(' ');

export const TAGS: readonly string[] = (
  '互联网 产品 创业 摄影 旅行 美食 音乐 篮球 足球 跑步 健身 读书 电影 科技 设计 投资 理财 教育 医疗 法律 金融 游戏 动漫 ' +
  '编程 人工智能 大数据 云计算 区块链 营销 广告 新媒体 文学 历史 哲学 心理学 宠物 咖啡 茶 书法 绘画 钢琴 吉他 瑜伽 登山 ' +
  '骑行 游泳 滑雪 马拉松 烘焙 育儿 汽车 房产 家居 时尚 美妆 数码 手机 电商 物流 制造 能源 环保 公益 志愿者 演讲 写作 翻译 ' +
  '英语 日语 考研 留学 职场 管理 领导力 人力资源 招聘 销售 客户成功 运营 数据分析 用户研究 交互 前端 后端 测试 运维 安全 ' +
  '开源 创客 硬件 机器人 无人机 航天 天文 物理 化学 生物 医学 心理咨询'
).split(' ');

const BRAND_CHARS = '星辰云海天华盛达诚瑞恒泰安康宏远博创智联众鼎鑫汇通嘉和优美源金银光明德立正方圆腾飞凌峰锐捷易佳晟昌隆兴旺顺捷朗晖煜灵犀启航蓝图卓越'
  .split('')
  .filter((c, i, a) => a.indexOf(c) === i);

const INDUSTRIES = ['网络科技', '信息技术', '软件', '传媒', '咨询', '投资', '贸易', '电子商务', '文化传播', '实业', '控股', '科技'];
const EMPLOYER_CITIES = ['北京', '上海', '深圳', '广州', '杭州', '南京', '成都', '武汉', '西安', '苏州', '厦门', '青岛'];
const SCHOOL_TYPES = ['大学', '理工大学', '师范大学', '财经大学', '医科大学', '工业大学', '农业大学', '职业技术学院', '外国语学院', '传媒学院'];

/** Employer codes: canonical employer e in [0, E), shown in variant v in [0, 4): code = e * 4 + v. */
export const EMPLOYER_VARIANTS = 4;

/**
 * Trade name of canonical employer e: its base-|BRAND_CHARS| digits (at least two), the second
 * digit shifted by seven times the first so consecutive employers do not share a first
 * character. Distinct employers get distinct trade names.
 */
export function employerBrand(e: number): string {
  const b = BRAND_CHARS.length;
  const digits: number[] = [e % b, Math.floor(e / b) % b];
  for (let x = Math.floor(e / (b * b)); x > 0; x = Math.floor(x / b)) digits.push(x % b);
  digits[1] = (digits[1]! + 7 * digits[0]!) % b;
  return digits.map((d) => BRAND_CHARS[d]!).join('');
}

/**
 * Text of an employer code. Variant 0: registered name (城市 + 字号 + 行业 + 有限公司);
 * 1: 字号 + 行业; 2: 字号 only; 3: 城市 + 字号 + 行业 + 股份有限公司. All four normalise to
 * the trade name under `normalizeOrganization` (region, industry and legal form stripped).
 */
export function employerName(code: number): string {
  if (code < 0) return '';
  const e = Math.floor(code / EMPLOYER_VARIANTS);
  const v = code % EMPLOYER_VARIANTS;
  const brand = employerBrand(e);
  const industry = INDUSTRIES[e % INDUSTRIES.length]!;
  const city = EMPLOYER_CITIES[Math.floor(e / INDUSTRIES.length) % EMPLOYER_CITIES.length]!;
  switch (v) {
    case 0: return `${city}${brand}${industry}有限公司`;
    case 1: return `${brand}${industry}`;
    case 2: return brand;
    default: return `${city}${brand}${industry}股份有限公司`;
  }
}

/** School codes: school s (city x type) and enrolment year: code = s * 64 + (year - 1970). */
export const SCHOOL_YEAR_BASE = 1970;
export const SCHOOL_YEAR_RADIX = 64;

export function schoolCount(): number {
  return CITIES.length * SCHOOL_TYPES.length;
}

export function schoolName(code: number): string {
  if (code < 0) return '';
  const s = Math.floor(code / SCHOOL_YEAR_RADIX);
  return `${CITIES[s % CITIES.length]}${SCHOOL_TYPES[Math.floor(s / CITIES.length)]}`;
}

export function schoolYear(code: number): number | null {
  return code < 0 ? null : SCHOOL_YEAR_BASE + (code % SCHOOL_YEAR_RADIX);
}

/** Tag codes: up to three tag ids (1-based, < 1024) packed as t1 * 2^20 + t2 * 2^10 + t3. */
export function unpackTags(code: number): number[] {
  if (code < 0) return [];
  const out: number[] = [];
  for (const t of [code >>> 20, (code >>> 10) & 1023, code & 1023]) if (t > 0) out.push(t - 1);
  return out;
}

export function packTags(tags: readonly number[]): number {
  if (tags.length === 0) return -1;
  if (tags.length > 3) throw new RangeError('at most three tags pack into one code');
  let c = 0;
  for (let k = 0; k < 3; k++) c = c * 1024 + (k < tags.length ? tags[k]! + 1 : 0);
  return c;
}

export function tagsText(code: number): string {
  return unpackTags(code).map((t) => TAGS[t]).join(',');
}

/** Integer-coded name space: name = surname * G + given; given = c (one char) or C + c1 * C + c2. */
export interface NameSpace {
  surnames: readonly string[];
  /** Sampling weights of surnames (percent). */
  surnameWeights: Float64Array;
  chars: readonly string[];
  /** Pinyin syllable id of each surname and each given character. */
  surnameSyllable: Int32Array;
  charSyllable: Int32Array;
  /** First letter (0-25) of each surname's / character's pinyin. */
  surnameInitial: Int32Array;
  charInitial: Int32Array;
  syllables: string[];
  /** For each character, the other characters with the same toneless pinyin. */
  homophones: Int32Array[];
  /** G, the given-name radix. */
  givenRadix: number;
}

let cachedNames: NameSpace | undefined;

/** The name vocabulary with pinyin computed once (pinyin-pro through src/text). */
export function nameSpace(): NameSpace {
  if (cachedNames) return cachedNames;
  const listed = new Set(SURNAME_SHARES.map(([s]) => s));
  const rare = RARE_SURNAMES.filter((s) => !listed.has(s));
  const surnames = [...SURNAME_SHARES.map(([s]) => s), ...rare];
  const listedMass = SURNAME_SHARES.reduce((s, [, p]) => s + p, 0);
  const rest = Math.max(100 - listedMass, 1) / rare.length;
  const surnameWeights = Float64Array.from(surnames, (_, i) => (i < SURNAME_SHARES.length ? SURNAME_SHARES[i]![1] : rest));
  const syllableId = new Map<string, number>();
  const syllables: string[] = [];
  const syl = (s: string, surname: boolean): number => {
    const p = pinyinOf(s, { surname })[0] ?? s;
    let id = syllableId.get(p);
    if (id === undefined) {
      id = syllables.length;
      syllableId.set(p, id);
      syllables.push(p);
    }
    return id;
  };
  const surnameSyllable = Int32Array.from(surnames, (s) => syl(s, true));
  const chars = GIVEN_CHARS;
  const charSyllable = Int32Array.from(chars, (c) => syl(c, false));
  const initial = (id: number): number => syllables[id]!.charCodeAt(0) - 97;
  const byS = new Map<number, number[]>();
  charSyllable.forEach((s, c) => {
    const g = byS.get(s);
    if (g) g.push(c);
    else byS.set(s, [c]);
  });
  const homophones = chars.map((_, c) => Int32Array.from(byS.get(charSyllable[c]!)!.filter((d) => d !== c)));
  const C = chars.length;
  cachedNames = {
    surnames,
    surnameWeights,
    chars,
    surnameSyllable,
    charSyllable,
    surnameInitial: Int32Array.from(surnameSyllable, initial),
    charInitial: Int32Array.from(charSyllable, initial),
    syllables,
    homophones,
    givenRadix: C + C * C,
  };
  return cachedNames;
}

/** Text of a name code. */
export function nameText(code: number, ns: NameSpace = nameSpace()): string {
  if (code < 0) return '';
  const G = ns.givenRadix, C = ns.chars.length;
  const s = Math.floor(code / G);
  const g = code % G;
  const given = g < C ? ns.chars[g]! : ns.chars[Math.floor((g - C) / C)]! + ns.chars[(g - C) % C]!;
  return ns.surnames[s]! + given;
}

/** Toneless-pinyin key of a name code: equal keys = homophone names (张伟 / 张玮). */
export function namePinyinKey(code: number, ns: NameSpace): number {
  const G = ns.givenRadix, C = ns.chars.length, NS = ns.syllables.length + 1;
  const s = Math.floor(code / G);
  const g = code % G;
  const gk = g < C ? ns.charSyllable[g]! + 1 : (ns.charSyllable[Math.floor((g - C) / C)]! + 1) * NS + ns.charSyllable[(g - C) % C]! + 1;
  return ns.surnameSyllable[s]! * NS * NS + gk;
}

/** Pinyin-initials key of a name code (张伟 -> 'zw' as an integer). */
export function nameInitialsKey(code: number, ns: NameSpace): number {
  const G = ns.givenRadix, C = ns.chars.length;
  const s = Math.floor(code / G);
  const g = code % G;
  const gk = g < C ? ns.charInitial[g]! + 1 : (ns.charInitial[Math.floor((g - C) / C)]! + 1) * 27 + ns.charInitial[(g - C) % C]! + 1;
  return ns.surnameInitial[s]! * 729 + gk;
}
