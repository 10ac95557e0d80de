import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wangMiao } from '../src/case/wangMiao';
import { MAIMAI_SMS_TEMPLATE, auditMessage, fillTemplate } from '../src/shadow/audit';
import { createPhoneHasher } from '../src/shadow/hash';
import { loadAddressBooks, loadPlatformUsers } from '../src/shadow/load';
import { shadowProfile } from '../src/shadow/profile';
import { buildPlatformView } from '../src/shadow/view';

describe('MAIMAI_SMS_TEMPLATE', () => {
  it("filled with the case's values gives the SMS quoted by the court, character for character", () => {
    const sms = fillTemplate(MAIMAI_SMS_TEMPLATE, {
      recipientName: '王淼', taggerRelation: '前同事', tag: '有两把刷子',
      recommendedContacts: wangMiao.recommendedContacts.value, friend1: '刘某', friend2: '戴某', friend3: '王某',
      friendsWaiting: wangMiao.friendsWaiting.value,
    });
    expect(sms).toBe(wangMiao.smsText.value);
  });
  it('refuses a placeholder without a value', () => {
    expect(() => fillTemplate('{a} {b}', { a: 1 })).toThrow(/\{b\}/);
  });
});

describe('auditMessage on hand-built books', () => {
  const USERS = `user_id,name,phone,employer,former_employer,school,registered_at
U1,刘洋,13800000001,星河科技,,,2015-01-01T00:00:00+08:00
U2,戴军,13800000002,蓝海传媒,星河科技,,2015-02-01T00:00:00+08:00
U3,王芳,13800000003,金桥咨询,,,2016-01-01T00:00:00+08:00
`;
  const BOOKS = `uploader_id,saved_name,phone,uploaded_at
U1,王明远,13900000009,2015-01-01T00:00:00+08:00
U1,戴军,13800000002,2015-01-01T00:00:00+08:00
U2,王明远,13900000009,2015-02-01T00:00:00+08:00
U2,刘洋,13800000001,2015-02-01T00:00:00+08:00
U3,妈,13900000009,2016-01-01T00:00:00+08:00
`;
  async function profile() {
    const dir = mkdtempSync(join(tmpdir(), 'contacts-audit-'));
    writeFileSync(join(dir, 'u.csv'), USERS);
    writeFileSync(join(dir, 'b.csv'), BOOKS);
    const hasher = createPhoneHasher('test key for the message audit');
    const view = buildPlatformView(
      await loadAddressBooks(join(dir, 'b.csv'), { hasher }), await loadPlatformUsers(join(dir, 'u.csv'), { hasher }),
      { asOf: '2018-03-10T00:00:00+08:00', hasher },
    );
    return shadowProfile(view, { phone: '13900000009' });
  }
  it('lists each disclosed datum with whose it is and the rows it came from', async () => {
    const p = await profile();
    const a = auditMessage(p, { tag: { text: '有两把刷子', source: "annotation by the tagging user (not address-book data)" } });
    const by = Object.fromEntries(a.disclosures.map((d) => [d.placeholder, d]));
    expect(Object.keys(by)).toEqual(['(recipient address)', '{recipientName}', '{taggerRelation}', '{tag}', '{recommendedContacts}', '{friend1}', '{friend2}', '{friend3}', '{friendsWaiting}']);
    expect(by['{recipientName}']).toMatchObject({ about: 'recipient', shown: '王**', sourceCount: 2, sources: 'b.csv:2:saved_name; b.csv:4:saved_name' });
    expect(by['{friendsWaiting}']).toMatchObject({ shown: '3', sourceCount: 3 });
    // 星河科技 is listed by U1 (employer) and U2 (former employer): 2 of 3 holders -> labels
    expect(a.tagger?.userId).toBe('U1');
    // The relation word is fixed copywriting (the defendant's account); the computable label is shown beside it.
    expect(by['{taggerRelation}']).toMatchObject({ shown: '前同事', origin: 'fixed copywriting' });
    expect(by['{taggerRelation}']!.derivation).toMatch(/could have computed for this holder: colleague \(employer 星河科技 listed by 2 of 3 holders/);
    const computed = auditMessage(p, { relationWording: { computed: true } });
    expect(computed.disclosures.find((d) => d.placeholder === '{taggerRelation}')).toMatchObject({ shown: '同事', origin: 'computed from address books' });
    expect(by['{friend1}']!.origin).toBe('computed from address books');
    expect(by['{friend1}']!.about).toBe('third party');
    expect(by['{tag}']!.derivation).toMatch(/annotation/);
  });
  it('masks every name in the displayed message; the unmasked message is kept apart', async () => {
    const p = await profile();
    const a = auditMessage(p, { tag: { text: '有两把刷子', source: 'annotation' } });
    for (const name of ['王明远', '刘洋', '戴军', '王芳']) expect(a.displayMessage).not.toContain(name);
    expect(a.displayMessage).toMatch(/^【脉脉职场】王\*\*,有前同事标注你为“有两把刷子”并向你推荐了\d+个职业人脉,/);
    expect(a.displayMessage).toContain('等3个好友也在脉脉等你');
    expect(a.message).toContain('王明远');
  });
  it('a custom template discloses only what it uses', async () => {
    const p = await profile();
    const a = auditMessage(p, { template: '{recipientName}，{friendsWaiting}位好友在等你' });
    expect(a.disclosures.map((d) => d.placeholder)).toEqual(['(recipient address)', '{recipientName}', '{friendsWaiting}']);
    expect(a.displayMessage).toBe('王**，3位好友在等你');
  });
});
