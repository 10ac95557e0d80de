import { describe, expect, it } from 'vitest';
import { aliasTable, normalizeOrganization } from '../src/text';

describe('normalizeOrganization', () => {
  it('strips region, industry and legal form from registered names', () => {
    expect(normalizeOrganization('北京字节跳动科技有限公司')).toBe('字节跳动');
    expect(normalizeOrganization('腾讯科技（深圳）有限公司')).toBe('腾讯');
    expect(normalizeOrganization('深圳市腾讯计算机系统有限公司')).toBe('腾讯');
    expect(normalizeOrganization('华为技术有限公司')).toBe('华为');
    expect(normalizeOrganization('阿里巴巴集团')).toBe('阿里巴巴');
    expect(normalizeOrganization('百度在线网络技术(北京)有限公司')).toBe('百度');
  });
  it('handles traditional characters and bracketed 集团', () => {
    expect(normalizeOrganization('中國平安保險（集團）股份有限公司')).toBe('中国平安保险');
  });
  it('strips Latin legal forms', () => {
    expect(normalizeOrganization('Tencent Holdings Co., Ltd.')).toBe('tencent');
    expect(normalizeOrganization('Apple Inc.')).toBe('apple');
    expect(normalizeOrganization('Microsoft Corporation')).toBe('microsoft');
  });
  it('keeps a region that is part of an institution name, and 中国', () => {
    expect(normalizeOrganization('北京银行')).toBe('北京银行');
    expect(normalizeOrganization('上海银行股份有限公司')).toBe('上海银行');
    expect(normalizeOrganization('北京大学')).toBe('北京大学');
    expect(normalizeOrganization('中国移动通信集团有限公司')).toBe('中国移动通信');
  });
  it('never reduces a name below two characters', () => {
    expect(normalizeOrganization('小米')).toBe('小米');
    expect(normalizeOrganization('美团')).toBe('美团');
  });
  it('applies an alias table after stripping', () => {
    const t = aliasTable([['阿里', '阿里巴巴']]);
    expect(normalizeOrganization('阿里', t)).toBe('阿里巴巴');
    expect(normalizeOrganization(null)).toBe('');
  });
});
