import { describe, expect, it } from 'vitest';
import { cleanCell, normalizeHeader, normalizeName, splitPeople, toHalfWidth } from './text.rules';

describe('cleanCell', () => {
  it('turns web paragraphs into lines and drops the tags', () => {
    expect(cleanCell('<p>第一季度：摸底；</p> <p>第二季度：实施。</p>')).toBe(
      '第一季度：摸底；\n第二季度：实施。',
    );
    expect(cleanCell('牵头：住建局<br/>配合：交警大队')).toBe('牵头：住建局\n配合：交警大队');
  });

  it('decodes the entities web exports leave behind', () => {
    expect(cleanCell('A&amp;B&nbsp;C &lt;1&gt;')).toBe('A&B C <1>');
  });

  it('keeps line breaks but trims each line and drops blank ones', () => {
    expect(cleanCell('  牵头： 医保局 \r\n\r\n配合： 卫体局\r')).toBe('牵头： 医保局\n配合： 卫体局');
  });

  it('treats full-width, non-breaking spaces and tabs as one space', () => {
    expect(cleanCell('李慧鑫\u3000\u300018235666981')).toBe('李慧鑫 18235666981');
    expect(cleanCell('1000\u00a0万元')).toBe('1000 万元');
    expect(cleanCell('a\t\tb')).toBe('a b');
  });

  it('reads missing cells as empty', () => {
    expect(cleanCell(undefined)).toBe('');
    expect(cleanCell(null)).toBe('');
    expect(cleanCell('   ')).toBe('');
  });
});

describe('normalizeName', () => {
  it('removes the typesetting space inside a name', () => {
    expect(normalizeName('刘 建')).toBe('刘建');
    expect(normalizeName('张\u3000翹')).toBe('张翹');
    expect(normalizeName(' 冯  亮 ')).toBe('冯亮');
  });

  it('keeps spaces next to Latin letters and digits', () => {
    expect(normalizeName('AED 配置')).toBe('AED 配置');
    expect(normalizeName('2023 年')).toBe('2023 年');
  });
});

describe('normalizeHeader', () => {
  it('compares headers without spaces and with half-width brackets', () => {
    expect(normalizeHeader('需财政投入资金（初步估算）')).toBe('需财政投入资金(初步估算)');
    expect(normalizeHeader(' 项目 名称 ')).toBe('项目名称');
  });
});

describe('toHalfWidth', () => {
  it('turns full-width digits and letters into ASCII', () => {
    expect(toHalfWidth('１０００万元ＡＥＤ')).toBe('1000万元AED');
  });
});

describe('splitPeople', () => {
  it('reads a justified two-character name as one person', () => {
    expect(splitPeople('刘 建')).toEqual({ names: ['刘建'], titlesOnly: [] });
  });

  it('splits several full names separated by a space', () => {
    expect(splitPeople('张鹏军 席沁军').names).toEqual(['张鹏军', '席沁军']);
  });

  it('always splits on commas, 顿号 and line breaks', () => {
    expect(splitPeople('王芳、李四，赵五\n钱 六').names).toEqual(['王芳', '李四', '赵五', '钱六']);
  });

  it('keeps a post written instead of a name, and says so', () => {
    expect(splitPeople('分管 副县长')).toEqual({ names: ['分管副县长'], titlesOnly: ['分管副县长'] });
    expect(splitPeople('分管副县长').titlesOnly).toEqual(['分管副县长']);
  });

  it('reads an empty cell as nobody', () => {
    expect(splitPeople('')).toEqual({ names: [], titlesOnly: [] });
  });
});
