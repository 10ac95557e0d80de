import { describe, expect, it } from 'vitest';
import { INTIMACY, parseSavedName } from '../src/shadow/lexicon';

describe('parseSavedName', () => {
  it('reads a full name with a relation word before or after it', () => {
    const a = parseSavedName('老同事刘洋');
    expect([a.fullName, a.surname, a.relationClass, a.relationWords]).toEqual(['刘洋', '刘', 'former colleague', ['老同事']]);
    const b = parseSavedName('刘洋-前同事');
    expect([b.fullName, b.relationClass]).toEqual(['刘洋', 'former colleague']);
    const c = parseSavedName('大学同学张伟强');
    expect([c.fullName, c.relationClass, c.intimacy]).toEqual(['张伟强', 'classmate', INTIMACY.relation]);
    expect(parseSavedName('刘洋 同事').relationClass).toBe('colleague');
  });
  it('reads nicknames and honorifics, keeping the surname', () => {
    expect(parseSavedName('小刘')).toMatchObject({ nickname: '小刘', surname: '刘', fullName: null, intimacy: INTIMACY.nickname });
    expect(parseSavedName('王哥')).toMatchObject({ nickname: '王哥', surname: '王' });
    expect(parseSavedName('老王')).toMatchObject({ nickname: '老王', surname: '王' });
    expect(parseSavedName('刘总')).toMatchObject({ relationClass: 'superior', surname: '刘', intimacy: INTIMACY.superior });
    expect(parseSavedName('李师傅')).toMatchObject({ relationClass: 'service', surname: '李', intimacy: INTIMACY.service });
  });
  it('reads kin terms alone (no name disclosed) as family', () => {
    expect(parseSavedName('妈')).toMatchObject({ relationClass: 'family', fullName: null, intimacy: INTIMACY.family });
    expect(parseSavedName('妈妈').relationWords).toEqual(['妈妈']); // longest match, not 妈 twice
    expect(parseSavedName('老婆').relationClass).toBe('family');
  });
  it('keeps bracketed company, school or hobby hints', () => {
    expect(parseSavedName('刘洋(星河)')).toMatchObject({ fullName: '刘洋', org: '星河', intimacy: INTIMACY.fullName });
    expect(parseSavedName('刘洋（羽毛球）')).toMatchObject({ fullName: '刘洋', org: '羽毛球' });
    expect(parseSavedName('欧阳娜娜')).toMatchObject({ fullName: '欧阳娜娜', surname: '欧阳' });
  });
  it('does not invent a name from text that is not one', () => {
    expect(parseSavedName('中国移动客服')).toMatchObject({ fullName: null, relationClass: null, intimacy: INTIMACY.other });
    expect(parseSavedName('')).toMatchObject({ fullName: null, intimacy: INTIMACY.other });
    expect(parseSavedName(null).raw).toBe('');
    expect(parseSavedName('Tom').fullName).toBeNull();
  });
});
