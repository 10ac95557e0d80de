import type { CaseFact } from './types';

const F = '002_d52d02971f7b369b.txt' as const;

/**
 * Case 2 — Wang Miao v. Beijing Taoyou Tianxia (Maimai), privacy of a non-user; Haidian
 * court, reported 2021-03-10. Every figure is quoted from `002_d52d02971f7b369b.txt` (a
 * news report). The plaintiff's name appears in the published report and in the SMS; it is
 * listed in `personalNames` and masked by {@link allFacts} by default.
 *
 * @example
 * import * as pp from 'profile-provenance';
 * pp.caseFacts.wangMiao.recommendedContacts.value; // => 119
 */
export const wangMiao = {
  smsDate: {
    value: '2018-03-10', unit: 'date', bound: 'exact', inQuote: '2018年3月10日',
    description: 'Date the never-registered plaintiff received Maimai’s SMS.',
    quote: '法院经审理查明,2018年3月10日,原告收到短信,内容为:“【脉脉职场】王淼,有前同事标注你为“有两把刷子”并向你推荐了119个职业人脉,刘某、戴某、王某等36个好友也在脉脉等你,点击链接领取验证码,24小时有效。”',
    source: { file: F, note: 'Facts found by the court (法院经审理查明).' },
    personalNames: ['王淼'],
  },
  smsText: {
    value: '【脉脉职场】王淼,有前同事标注你为“有两把刷子”并向你推荐了119个职业人脉,刘某、戴某、王某等36个好友也在脉脉等你,点击链接领取验证码,24小时有效。', unit: 'SMS text', bound: 'exact', inQuote: '【脉脉职场】王淼,有前同事标注你为“有两把刷子”并向你推荐了119个职业人脉,刘某、戴某、王某等36个好友也在脉脉等你,点击链接领取验证码,24小时有效。',
    description: 'The SMS: a "former colleague" tagged him and recommended 119 professional contacts; 36 friends (named) are waiting on Maimai.',
    quote: '法院经审理查明,2018年3月10日,原告收到短信,内容为:“【脉脉职场】王淼,有前同事标注你为“有两把刷子”并向你推荐了119个职业人脉,刘某、戴某、王某等36个好友也在脉脉等你,点击链接领取验证码,24小时有效。”',
    source: { file: F, note: 'Full text as quoted by the court; friends’ names already abbreviated (刘某…) in the source.' },
    personalNames: ['王淼'],
  },
  recommendedContacts: {
    value: 119, unit: 'professional contacts', bound: 'exact', inQuote: '119',
    description: 'Professional contacts the SMS said had been recommended to him.',
    quote: '法院经审理查明,2018年3月10日,原告收到短信,内容为:“【脉脉职场】王淼,有前同事标注你为“有两把刷子”并向你推荐了119个职业人脉,刘某、戴某、王某等36个好友也在脉脉等你,点击链接领取验证码,24小时有效。”',
    source: { file: F, note: 'In the SMS text.' },
    personalNames: ['王淼'],
  },
  friendsWaiting: {
    value: 36, unit: 'friends', bound: 'exact', inQuote: '36',
    description: 'Friends the SMS said were "also waiting for you on Maimai".',
    quote: '法院经审理查明,2018年3月10日,原告收到短信,内容为:“【脉脉职场】王淼,有前同事标注你为“有两把刷子”并向你推荐了119个职业人脉,刘某、戴某、王某等36个好友也在脉脉等你,点击链接领取验证码,24小时有效。”',
    source: { file: F, note: 'In the SMS text.' },
    personalNames: ['王淼'],
  },
  contactsEstimatedByBigData: {
    value: 119, unit: 'professional contacts', bound: 'exact', inQuote: '119',
    description: 'Defendant: the "119 professional contacts" were estimated by big data from common-friend counts and closeness.',
    quote: '被告解释因为网站的主营业务系针对职场社交,故使用了“同事”等短信文案,短信中所称“119个职业人脉”系根据相关人员的共同好友数量和亲密度,通过大数据估算的结果;',
    source: { file: F, note: 'Defendant’s explanation in court.' },
  },
  colleagueWordingIsCopywriting: {
    value: '使用了“同事”等短信文案', unit: 'statement', bound: 'exact', inQuote: '使用了“同事”等短信文案',
    description: 'Defendant: "colleague" (同事) in the SMS was copywriting chosen because the site is for workplace networking, not a relation computed for him.',
    quote: '被告解释因为网站的主营业务系针对职场社交,故使用了“同事”等短信文案,短信中所称“119个职业人脉”系根据相关人员的共同好友数量和亲密度,通过大数据估算的结果;“点击链接领取验证码”后即可进入脉脉网站注册。',
    source: { file: F, note: 'Defendant’s explanation in court.' },
  },
  smsCopyDesignedBySite: {
    value: '认可涉案短信的文案部分是网站设计的', unit: 'statement', bound: 'exact', inQuote: '认可涉案短信的文案部分是网站设计的',
    description: 'Defendant admitted the wording of the SMS was designed by the site, and that users may not have known a rating triggers an SMS.',
    quote: '法庭询问被告,已经注册的用户是否知道其在点评朋友时会导致向被点评人发送短信的行为,被告表示用户可能不知道点评会导致发送短信,认可涉案短信的文案部分是网站设计的。',
    source: { file: F, note: 'Defendant’s answer to the court’s question.' },
  },
  namedFriendsAreAcquaintances: {
    value: '相识的朋友', unit: 'statement', bound: 'exact', inQuote: '相识的朋友',
    description: 'Plaintiff’s statement: the people named in the SMS are friends he knows, not "former colleagues".',
    quote: '原告表示短信中提到的名字为其相识的朋友,但并不是短信所称的“前同事”。',
    source: { file: F, note: 'Plaintiff’s statement (原告表示), not a finding of the court.' },
  },
  numberFromUploadedBooks: {
    value: '自行上传了含有原告号码的通讯录', unit: 'statement', bound: 'exact', inQuote: '自行上传了含有原告号码的通讯录',
    description: 'Defendant: the platform got his number from Maimai users who knew him and uploaded address books containing it.',
    quote: '网站获得原告的手机号系通过脉脉用户中与原告相识的朋友自行上传了含有原告号码的通讯录',
    source: { file: F, note: 'Defendant’s defence.' },
  },
  uploadMandatoryUntil: {
    value: '2019-01', unit: 'month', bound: 'exact', inQuote: '2019年1月',
    description: 'Uploading the address book was required at sign-up until January 2019, optional from then.',
    quote: '被告表示脉脉网站最初的经营模式为告知用户后获取其通讯录内容,不违反法律规定;后平台产品迭代,自2019年1月开始,上传通讯录成为用户注册的可选项,不上传亦可注册登录;',
    source: { file: F, note: 'Defendant’s statement; the court also found upload was a required condition of registration at the time.' },
  },
  reportDate: {
    value: '2021-03-10', unit: 'date', bound: 'exact', inQuote: '2021-03-10',
    description: 'Publication date of the news report of the judgment.',
    quote: '发布时间:2021-03-10',
    source: { file: F, note: 'Page header (发布时间).' },
  },
  court: {
    value: '海淀法院', unit: 'court', bound: 'exact', inQuote: '海淀法院',
    description: 'Haidian (District People’s) Court, Beijing, found for the plaintiff on all claims.',
    quote: '北京青年报记者昨日获悉,海淀法院经审理,判决支持了原告的全部诉请。',
    source: { file: F, note: 'Lead paragraph.' },
  },
} as const satisfies Record<string, CaseFact>;
