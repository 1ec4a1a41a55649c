import { describe, expect, it } from 'vitest';
import { categoryLookup, communityLookup, normalizePhone, parseReceivedAt } from './rows.ts';
import { uniqueHeaders } from './sheet.ts';
import { suggestMapping } from './suggest.ts';

describe('hotline row rules', () => {
  it('reads the usual ways of writing a time of receipt', () => {
    expect(parseReceivedAt('2026-11-20 09:30')).toBe('2026-11-20 09:30');
    expect(parseReceivedAt('2026/11/20 9:05:59')).toBe('2026-11-20 09:05');
    expect(parseReceivedAt('2026年11月20日 09时30分')).toBe('2026-11-20 09:30');
    expect(parseReceivedAt('2026-11-20')).toBe('2026-11-20 00:00');
    expect(parseReceivedAt('2026-02-30')).toBeNull();
    expect(parseReceivedAt('2026-11-20 24:00')).toBeNull();
    expect(parseReceivedAt('昨天下午')).toBeNull();
  });

  it('cleans phone numbers: spaces, dashes, +86', () => {
    expect(normalizePhone('138 1234-5678')).toBe('13812345678');
    expect(normalizePhone('+86 13812345678')).toBe('13812345678');
    expect(normalizePhone('8613812345678')).toBe('13812345678');
    expect(normalizePhone('010-12345678')).toBe('01012345678');
  });

  it('finds communities by name, short name, code or in an address; ambiguous names match nothing', () => {
    const c = communityLookup([
      { id: '1', name: '银杏社区', code: '310199001001' },
      { id: '2', name: '桃源村', code: null },
      { id: '3', name: '桃源社区', code: null },
    ]);
    expect(c.find('银杏社区')).toBe('1');
    expect(c.find('银杏社区居委会')).toBe('1');
    expect(c.find('银杏')).toBe('1');
    expect(c.find('310199001001')).toBe('1');
    expect(c.find('桃源')).toBeNull();
    expect(c.find('桃源村')).toBe('2');
    expect(c.inAddress('青松街道银杏社区3号楼')).toBe('1');
    expect(c.inAddress('别处')).toBeNull();
  });

  it('finds categories by code, name or the last known part of a hotline path', () => {
    const find = categoryLookup([
      { id: '21', code: 'SJ01', name: '市容环境', nameEn: 'City appearance' },
      { id: '33', code: 'BJ03', name: '市容环境', nameEn: 'City appearance (facilities)' },
      { id: '2101', code: 'SJ0101', name: '暴露垃圾', nameEn: 'Exposed rubbish' },
    ]);
    expect(find('sj0101')).toBe('2101');
    expect(find('城市管理-市容环境-暴露垃圾')).toBe('2101');
    expect(find('Exposed rubbish')).toBe('2101');
    expect(find('市容环境')).toBeNull();
    expect(find('其他')).toBeNull();
  });
});

describe('headers and suggested mapping', () => {
  it('names blank and repeated headers by column', () => {
    expect(uniqueHeaders(['地址', '', '地址', 'x', '', ''])).toEqual(['地址', '#2', '地址 #3', 'x']);
  });

  it('recognises common 12345 export headers, exact names first', () => {
    expect(
      suggestMapping([
        '序号',
        '工单编号',
        '来电人姓名',
        '来电号码',
        '诉求内容',
        '事发地点',
        '问题分类',
        '所属社区',
        '登记时间',
      ]),
    ).toEqual({
      externalNo: '工单编号',
      contactName: '来电人姓名',
      contactPhone: '来电号码',
      description: '诉求内容',
      address: '事发地点',
      category: '问题分类',
      community: '所属社区',
      receivedAt: '登记时间',
    });
    expect(suggestMapping(['Order No.', 'Caller', 'Phone', 'Description', 'Address'])).toEqual({
      externalNo: 'Order No.',
      contactName: 'Caller',
      contactPhone: 'Phone',
      description: 'Description',
      address: 'Address',
    });
    expect(suggestMapping(['工单号：', '市民反映的问题描述', '备注'])).toEqual({
      externalNo: '工单号：',
      description: '市民反映的问题描述',
    });
  });
});
