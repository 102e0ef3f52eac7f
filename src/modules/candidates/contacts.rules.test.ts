import { describe, expect, it } from 'vitest';
import { parseContacts } from './contacts.rules';

describe('parseContacts', () => {
  it('reads one person and a mobile number', () => {
    expect(parseContacts('李慧鑫 18235666981')).toEqual({
      contacts: [{ name: '李慧鑫', phone: '18235666981' }],
      notes: [],
    });
  });

  it('reads several people on one line', () => {
    expect(parseContacts('王瑜杰 13994726916 杨沁玲 13835695708').contacts).toEqual([
      { name: '王瑜杰', phone: '13994726916' },
      { name: '杨沁玲', phone: '13835695708' },
    ]);
  });

  it('reads people on separate lines', () => {
    expect(parseContacts('张姣姣 15803567278\n张海龙 13593323392').contacts).toEqual([
      { name: '张姣姣', phone: '15803567278' },
      { name: '张海龙', phone: '13593323392' },
    ]);
  });

  it('reads local landlines, with or without an area code', () => {
    expect(parseContacts('郭梅梅 7098335 冯艳 13593322672').contacts).toEqual([
      { name: '郭梅梅', phone: '7098335' },
      { name: '冯艳', phone: '13593322672' },
    ]);
    expect(parseContacts('郭梅梅 0356-7098335').contacts).toEqual([
      { name: '郭梅梅', phone: '0356-7098335' },
    ]);
  });

  it('joins a mobile number typed in groups', () => {
    expect(parseContacts('王波 139 3563 0633').contacts).toEqual([{ name: '王波', phone: '13935630633' }]);
  });

  it('removes the justification space in a name and reads labels and full-width digits', () => {
    expect(parseContacts('刘 建（手机）１８２３５６６６９８１').contacts).toEqual([
      { name: '刘建', phone: '18235666981' },
    ]);
    expect(parseContacts('王波，电话：13935630633').contacts).toEqual([
      { name: '王波', phone: '13935630633' },
    ]);
  });

  it('keeps a person without a number, and says so', () => {
    expect(parseContacts('王波')).toEqual({
      contacts: [{ name: '王波', phone: null }],
      notes: ['责任人“王波”没有联系电话'],
    });
    expect(parseContacts('张三 李四 13800000000')).toEqual({
      contacts: [
        { name: '张三', phone: null },
        { name: '李四', phone: '13800000000' },
      ],
      notes: ['责任人“张三”没有联系电话'],
    });
  });

  it('keeps a number without a name, and says so', () => {
    expect(parseContacts('13935630633')).toEqual({
      contacts: [{ name: '', phone: '13935630633' }],
      notes: ['电话 13935630633 前没有写责任人姓名'],
    });
  });

  it('reads an empty cell as nobody', () => {
    expect(parseContacts('')).toEqual({ contacts: [], notes: [] });
  });
});
