import { makeIdNumber } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { checkRow, roomKey, roomKeys, suggestMapping } from './import-rows.ts';

const rooms = new Map([...roomKeys(['1号楼', '1单元', '302室'])].map((k) => [k, '77']));
const m = { name: '姓名', idNumber: '身份证号', room: '房号', phone: '手机', relation: '关系', residence: '类型' };
const today = new Date('2026-11-24T00:00:00Z');

describe('residents spreadsheet rows', () => {
  it('names a room however people write it', () => {
    for (const t of ['1号楼1单元302室', '1号楼 1单元 302室', '1-1-302', '01-1-302'])
      expect(rooms.get(roomKey(t))).toBe('77');
  });
  it('reads labels in Chinese and checks every field', () => {
    const id = makeIdNumber('110105', '19600101', 11);
    const ok = checkRow(
      {
        姓名: '张三',
        身份证号: id.toLowerCase(),
        房号: '1-1-302',
        手机: '137 1234 5678',
        关系: '配偶',
        类型: '流动人口',
      },
      2,
      m,
      rooms,
      today,
    );
    expect(ok).toEqual({
      row: 2,
      name: '张三',
      idNumber: id,
      roomId: '77',
      phone: '13712345678',
      relation: 'spouse',
      residence: 'floating',
    });
    const bad = checkRow(
      {
        姓名: '',
        身份证号: `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`,
        房号: '9-9-999',
        手机: '123',
        关系: '朋友',
        类型: '常驻',
      },
      3,
      m,
      rooms,
      today,
    );
    expect((bad as { field: string; code: string }[]).map((e) => `${e.field}:${e.code}`)).toEqual([
      'name:required',
      'idNumber:id_checksum',
      'room:unknown_room',
      'phone:invalid_phone',
      'relation:invalid_relation',
      'residence:invalid_residence',
    ]);
  });
  it('suggests the usual headers', () => {
    expect(suggestMapping(['序号', '姓名', '公民身份号码', '住址', '联系电话', '与户主关系'])).toEqual({
      name: '姓名',
      idNumber: '公民身份号码',
      room: '住址',
      phone: '联系电话',
      relation: '与户主关系',
    });
  });
});
