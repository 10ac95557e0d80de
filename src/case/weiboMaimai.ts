import type { CaseFact } from './types';

const F = '000_875436f317887e1c.txt' as const;

/**
 * Case 1 — Weibo (Beijing Weimeng Chuangke) v. Maimai (Beijing Taoyou Tianxia), unfair
 * competition: Haidian District People's Court (2015) Hai Min (Zhi) Chu Zi No. 12602, and
 * Beijing IP Court (2016) Jing 73 Min Zhong No. 588 (final).
 *
 * Every figure is quoted from `000_875436f317887e1c.txt` (a case write-up excerpting both
 * judgments); `quote` is the exact sentence, `inQuote` the figure as written in it.
 *
 * @example
 * import * as pp from 'profile-provenance';
 * pp.caseFacts.weiboMaimai.registeredUsersAug2014.value; // => 800000
 * pp.caseFacts.weiboMaimai.nonUsersInCertificate704.bound; // => 'lower' ('300多': more than 300)
 */
export const weiboMaimai = {
  registeredUsersAug2014: {
    value: 800_000, unit: 'users', bound: 'exact', inQuote: '80万',
    description: 'Maimai registered users in August 2014 (the data source available for collaborative filtering).',
    quote: '在案证据显示,脉脉软件于2014年8月的注册用户量为80万,其中通过新浪微博注册登录的用户约占20%,而在诉讼中表示,新浪微博关闭接口之后,脉脉软件用户超过500万。',
    source: { file: F, note: 'Section 二(二)1(2)2), on the data source; 80万 = 800,000.' },
  },
  shareViaWeiboLogin: {
    value: 0.2, unit: 'proportion of registered users', bound: 'approximate', inQuote: '20%',
    description: 'Share of those August 2014 users who registered or logged in with Weibo ("about 20%").',
    quote: '在案证据显示,脉脉软件于2014年8月的注册用户量为80万,其中通过新浪微博注册登录的用户约占20%,而在诉讼中表示,新浪微博关闭接口之后,脉脉软件用户超过500万。',
    source: { file: F, note: 'Same sentence; 约占20% = about 20%, so about 160,000 Weibo-login users.' },
  },
  usersLater: {
    value: 5_000_000, unit: 'users', bound: 'lower', inQuote: '500万',
    description: 'Maimai users stated in the litigation, after Weibo closed the API ("more than 5 million").',
    quote: '在案证据显示,脉脉软件于2014年8月的注册用户量为80万,其中通过新浪微博注册登录的用户约占20%,而在诉讼中表示,新浪微博关闭接口之后,脉脉软件用户超过500万。',
    source: { file: F, note: 'Same sentence; 超过500万 = more than 5,000,000 (a lower bound).' },
  },
  initialUsersPerPlaintiffExpert: {
    value: 1_000_000, unit: 'users', bound: 'approximate', inQuote: '百万',
    description: "Plaintiff's expert: \"Maimai began with only about a million users; it cannot compute such data accurately.\"",
    quote: '而微梦公司的专家辅助人则提出,“脉脉开始才百万用户,不能精准算出相关数据”。',
    source: { file: F, note: 'Statement of the plaintiff’s expert assistant; 百万 = a million (order of magnitude).' },
  },
  certificateNumber: {
    value: 704, unit: 'notarial certificate number', bound: 'exact', inQuote: '704',
    description: 'Notarial certificate No. 704, the evidence of the non-users shown in three users’ first-degree networks.',
    quote: '另外,以第704号公证书显示内容为例,三位脉脉注册用户通过上传其个人手机通讯录联系人,在一度人脉中共显示有300多位非脉脉用户,且这些人的头像、名称、职业、标签等信息与他们新浪微博中的用户信息基本相同,准确性远超过双方专家辅助人陈述的比例。',
    source: { file: F, note: 'Section 二(二)1(2)2), on accuracy.' },
  },
  uploadersInCertificate704: {
    value: 3, unit: 'Maimai users', bound: 'exact', inQuote: '三',
    description: 'Maimai users in certificate 704 who uploaded their phone address books.',
    quote: '另外,以第704号公证书显示内容为例,三位脉脉注册用户通过上传其个人手机通讯录联系人,在一度人脉中共显示有300多位非脉脉用户,且这些人的头像、名称、职业、标签等信息与他们新浪微博中的用户信息基本相同,准确性远超过双方专家辅助人陈述的比例。',
    source: { file: F, note: '三位脉脉注册用户 = three registered Maimai users.' },
  },
  nonUsersInCertificate704: {
    value: 300, unit: 'non-users', bound: 'lower', inQuote: '300多',
    description: 'Non-Maimai users shown in those three users’ first-degree networks ("300+": a lower bound).',
    quote: '另外,以第704号公证书显示内容为例,三位脉脉注册用户通过上传其个人手机通讯录联系人,在一度人脉中共显示有300多位非脉脉用户,且这些人的头像、名称、职业、标签等信息与他们新浪微博中的用户信息基本相同,准确性远超过双方专家辅助人陈述的比例。',
    source: { file: F, note: '300多位 = more than 300; the exact count is not in the source text.' },
  },
  fieldsInCertificate704: {
    value: ['头像', '名称', '职业', '标签'], unit: 'profile fields', bound: 'exact', inQuote: '头像、名称、职业、标签',
    description: 'Fields compared in certificate 704: avatar, name, occupation, tags.',
    quote: '另外,以第704号公证书显示内容为例,三位脉脉注册用户通过上传其个人手机通讯录联系人,在一度人脉中共显示有300多位非脉脉用户,且这些人的头像、名称、职业、标签等信息与他们新浪微博中的用户信息基本相同,准确性远超过双方专家辅助人陈述的比例。',
    source: { file: F, note: 'These fields were "basically the same" (基本相同) as on Weibo.' },
  },
  matchStandardCertificate704: {
    value: '基本相同', unit: 'similarity category', bound: 'exact', inQuote: '基本相同',
    description: 'How the certificate-704 profiles compared with Weibo: "basically the same".',
    quote: '另外,以第704号公证书显示内容为例,三位脉脉注册用户通过上传其个人手机通讯录联系人,在一度人脉中共显示有300多位非脉脉用户,且这些人的头像、名称、职业、标签等信息与他们新浪微博中的用户信息基本相同,准确性远超过双方专家辅助人陈述的比例。',
    source: { file: F, note: 'Category wording, not a measured rate.' },
  },
  matchStandardCourt: {
    value: '相同或基本相同', unit: 'similarity category', bound: 'exact', inQuote: '相同或基本相同',
    description: 'Court’s standard: non-users’ data "the same or basically the same" as the Weibo profile is found to come from Weibo, absent proof of another source.',
    quote: '法院认为,除非有充分证据证明这些信息存在其他来源,对于微梦公司提交证据显示的与所对应的新浪微博用户信息相同或基本相同的脉脉用户一度人脉中出现的大量非脉脉用户头像、名称(昵称)、职业、教育、个人标签等信息,应认定来源于新浪微博。',
    source: { file: F, note: 'Section 二(二)1(1), preliminary finding (preponderance of evidence).' },
  },
  openApiScopes: {
    value: ['头像', '名称', '标签'], unit: 'profile fields', bound: 'exact', inQuote: '头像、名称、标签',
    description: 'Fields Maimai obtained through the Weibo OpenAPI during the cooperation: avatar, name, tags.',
    quote: '鉴于脉脉软件上线至今,被告仅与微梦公司存在合作关系,合作期间,微梦公司通过微博开放平台向被告提供OpenAPI接口,被告获取新浪微博用户的头像、名称、标签等信息。',
    source: { file: F, note: 'Section 二(二)1(1).' },
  },
  advancedApiScopes: {
    value: ['职业信息', '教育信息'], unit: 'profile fields', bound: 'exact', inQuote: '职业信息、教育信息',
    description: 'Occupation and education: "advanced" API scopes needing a separate application.',
    quote: '微梦公司在本案中表示,包括获取职业信息、教育信息在内的高级接口需要申请。',
    source: { file: F, note: 'Section 二(二)2(1); the application was never made (see advancedScopesNeverApplied).' },
  },
  advancedScopesNeverApplied: {
    value: ['职业信息', '教育信息'], unit: 'profile fields', bound: 'exact', inQuote: '职业信息、教育信息',
    description: 'During the cooperation Maimai did not apply for the occupation/education OpenAPI scopes.',
    quote: '在合作期间,被告未根据与微梦公司的协议,申请职业信息、教育信息OpenAPI接口,即从微博开放平台获取新浪微博用户的职业信息、教育信息。',
    source: { file: F, note: 'Section 二(二)2(2)1), on the developer agreement.' },
  },
  avatarAppLoginSources: {
    value: ['新浪微博', 'QQ', '人人网'], unit: 'platforms', bound: 'exact', inQuote: '新浪微博、QQ和人人网',
    description: 'Platforms whose logins the defendant’s avatar app (头像淘淘) could import friends’ avatars from: Weibo, QQ, Renren.',
    quote: '法院认为,头像淘淘为被告的另一款客户端软件,具有允许用户通过新浪微博、QQ和人人网帐号注册登录并导入这些平台帐号中好友头像的功能',
    source: { file: F, note: 'Section 二(二)1(2)1); the defence failed for lack of evidence.' },
  },
  personalisedHardToCompute: {
    value: '个性化很强的信息较难计算出来', unit: 'agreed expert statement', bound: 'exact', inQuote: '个性化很强的信息较难计算出来',
    description: 'Both sides’ experts: collaborative-filtering accuracy depends on the data source, and highly personalised information is hard to compute.',
    quote: '双方及专家辅助人都认可协同过滤算法计算信息的准确性取决于数据源,且“个性化很强的信息较难计算出来”。',
    source: { file: F, note: 'Section 二(二)1(2)2).' },
  },
  peakMonthlyVisitsMaimaiAccount: {
    value: 16_000, unit: 'visits per month', bound: 'exact', inQuote: '1.6万',
    description: 'Peak monthly user-page visits by the Weibo account "脉脉" (July–August 2014).',
    quote: '微梦公司提交后台记录所显示的“脉脉”、“淘友网”两个微博帐号的访问频次,2014年7、8月份峰值达到月1.6万次和9000次,平常每月访问频次稳定在2000次左右。',
    source: { file: F, note: 'Section 二(二)2(1); 1.6万次 = 16,000; the sentence pairs 1.6万 and 9000 with the two accounts in order.' },
  },
  peakMonthlyVisitsTaoyouAccount: {
    value: 9_000, unit: 'visits per month', bound: 'exact', inQuote: '9000',
    description: 'Peak monthly user-page visits by the Weibo account "淘友网" (July–August 2014).',
    quote: '微梦公司提交后台记录所显示的“脉脉”、“淘友网”两个微博帐号的访问频次,2014年7、8月份峰值达到月1.6万次和9000次,平常每月访问频次稳定在2000次左右。',
    source: { file: F, note: 'Same sentence.' },
  },
  peakVisitsPeriod: {
    value: '2014-07/2014-08', unit: 'months', bound: 'exact', inQuote: '2014年7、8月',
    description: 'Months of the peak visit counts: July and August 2014.',
    quote: '微梦公司提交后台记录所显示的“脉脉”、“淘友网”两个微博帐号的访问频次,2014年7、8月份峰值达到月1.6万次和9000次,平常每月访问频次稳定在2000次左右。',
    source: { file: F, note: 'Same sentence.' },
  },
  usualMonthlyVisits: {
    value: 2_000, unit: 'visits per month', bound: 'approximate', inQuote: '2000',
    description: 'Usual monthly visits by the two accounts otherwise ("steady at about 2,000").',
    quote: '微梦公司提交后台记录所显示的“脉脉”、“淘友网”两个微博帐号的访问频次,2014年7、8月份峰值达到月1.6万次和9000次,平常每月访问频次稳定在2000次左右。',
    source: { file: F, note: 'Same sentence; 2000次左右 = about 2,000.' },
  },
  cooperationEnded: {
    value: '2014-08', unit: 'month', bound: 'exact', inQuote: '2014年8月',
    description: 'The Weibo–Maimai OpenAPI cooperation ended in August 2014.',
    quote: '对于双方合作结束后对涉案新浪微博用户信息的使用行为,尽管被告表示其已及时删除脉脉软件中的新浪微博用户信息,但从微梦公司提交的证据看,在双方于2014年8月合作终止后数月间,脉脉软件中仍存在大量新浪微博用户基本信息,该情形与被告及其专家辅助人陈述的二被告分阶段删除新浪微博用户信息的情况不符,法院认为被告在双方合作结束后仍使用涉案新浪微博用户信息。',
    source: { file: F, note: 'Section 二(二)2(1), after termination; Maimai still showed Weibo users’ basic data months later.' },
  },
  deletionClaimedFinished: {
    value: '2015-02/2015-03', unit: 'months', bound: 'exact', inQuote: '2015年2、3月',
    description: 'Defendant’s claim: non-users’ Weibo data deleted in stages, finished in February–March 2015.',
    quote: '◆关于数据源,被告及其专家辅助人陈述,双方合作期间,被告使用脉脉用户自行填写的信息、新浪微博用户信息及微博好友所作标签信息作为数据源进行计算;合作终止后,被告既逐步清理非脉脉用户来自新浪微博的相关信息,并最终于2015年2、3月删除完毕,又承认也使用之前从新浪微博获取的用户数据进行计算。',
    source: { file: F, note: 'Section 二(二)1(2)2), on the data source (the defendant’s statement, not a finding).' },
  },
  damages: {
    value: 2_000_000, unit: 'CNY', bound: 'exact', inQuote: '200万',
    description: 'Damages awarded: RMB 2,000,000.',
    quote: '2.被告赔偿原告经济损失200万元及合理费用20.8998万元。',
    source: { file: F, note: 'Section 三, judgment; 200万元 = 2,000,000 yuan.' },
  },
  costs: {
    value: 208_998, unit: 'CNY', bound: 'exact', inQuote: '20.8998万',
    description: 'Reasonable costs awarded: RMB 208,998.',
    quote: '2.被告赔偿原告经济损失200万元及合理费用20.8998万元。',
    source: { file: F, note: 'Same sentence; 20.8998万元 = 208,998 yuan.' },
  },
  firstInstanceCourt: {
    value: '北京市海淀区人民法院', unit: 'court', bound: 'exact', inQuote: '北京市海淀区人民法院',
    description: 'First instance: Haidian District People’s Court, Beijing.',
    quote: '北京市海淀区人民法院2015年海民(知)初字第12602号',
    source: { file: F, note: 'Case index (案例索引) at the end of the text.' },
  },
  firstInstanceCaseNumber: {
    value: '2015年海民(知)初字第12602号', unit: 'case number', bound: 'exact', inQuote: '2015年海民(知)初字第12602号',
    description: 'First-instance case number: (2015) Hai Min (Zhi) Chu Zi No. 12602.',
    quote: '北京市海淀区人民法院2015年海民(知)初字第12602号',
    source: { file: F, note: 'Case index; the source writes the year without brackets.' },
  },
  secondInstanceCourt: {
    value: '北京知识产权法院', unit: 'court', bound: 'exact', inQuote: '北京知识产权法院',
    description: 'Second (final) instance: Beijing Intellectual Property Court.',
    quote: '北京知识产权法院(2016)京73民终588号',
    source: { file: F, note: 'Case index.' },
  },
  secondInstanceCaseNumber: {
    value: '(2016)京73民终588号', unit: 'case number', bound: 'exact', inQuote: '(2016)京73民终588号',
    description: 'Second-instance case number: (2016) Jing 73 Min Zhong No. 588.',
    quote: '北京知识产权法院(2016)京73民终588号',
    source: { file: F, note: 'Case index.' },
  },
} as const satisfies Record<string, CaseFact>;
