import { describe, expect, it } from 'vitest';
import { rankFields, suggestField, suggestUnit, suggestUnitName } from './routing.rules';

// The departments of a county as its unit list names them (partly from the 2023 Qinshui list).
const UNITS = [
  '沁水县教育局',
  '沁水县卫生健康和体育局',
  '沁水县医疗保障局',
  '沁水县民政局',
  '沁水县人力资源和社会保障局',
  '沁水县住房和城乡建设局',
  '沁水县交通运输局',
  '沁水县公安局交警大队',
  '沁水县文化和旅游局',
  '沁水县水利局',
  '晋城市生态环境局沁水分局',
  '沁水县残疾人联合会',
  '沁水县融媒体中心',
  '沁水县红十字会',
  '嘉峰镇人民政府',
];

describe('suggestField', () => {
  it.each([
    ['希望县里给中小学生提供免费午餐', '教育'],
    ['湘峪村卫生室没有医生，老人看病难', '医疗卫生'],
    ['建议在社区办老年食堂，给老人送餐', '养老'],
    ['建议开通嘉峰镇到县城的公交车', '交通出行'],
    ['移民小区暖气不热，屋里才十二度', '城乡建设'],
    ['希望减免有线电视收视费', '文体服务'],
    ['八十岁以上老人的高龄补贴太低了', '社会保障'],
    ['建议建一个零工市场，打零工的有地方等活', '就业'],
    ['煤场扬尘严重，衣服都晾不了', '环境保护'],
    ['建议在广场和车站配置AED除颤仪', '公共安全'],
  ])('puts "%s" under %s', (text, field) => {
    expect(suggestField(text)?.field).toBe(field);
  });

  it('says which concepts led to the field', () => {
    expect(suggestField('移民小区暖气不热')?.concepts).toContain('供暖');
  });

  it('returns null when the text names nothing it knows', () => {
    expect(suggestField('你好，辛苦了')).toBeNull();
    expect(suggestField('')).toBeNull();
  });

  it('ranks the field with more concepts first, then the one mentioned first', () => {
    const fields = rankFields('村卫生室看病不能用医保报销').map((f) => f.field);
    expect(fields[0]).toBe('医疗卫生');
    expect(rankFields('老人坐公交能不能免费，养老金也太低')[0]!.field).toBe('交通出行');
  });
});

describe('suggestUnit', () => {
  it.each([
    ['希望县里给中小学生提供免费午餐', '沁水县教育局'],
    ['湘峪村卫生室没有医生', '沁水县卫生健康和体育局'],
    ['希望在乡镇看门诊也能刷医保卡报销', '沁水县医疗保障局'],
    ['建议在社区办老年食堂', '沁水县民政局'],
    ['拖欠农民工工资，希望查处', '沁水县人力资源和社会保障局'],
    ['科教小区建成快三十年了，建议纳入老旧小区改造', '沁水县住房和城乡建设局'],
    ['固县到十里的乡道坑坑洼洼', '沁水县交通运输局'],
    ['学校门口天天堵车，希望交警疏导', '沁水县公安局交警大队'],
    ['坪上村夏天经常停水，吃水困难', '沁水县水利局'],
    ['洗煤厂粉尘污染严重', '晋城市生态环境局沁水分局'],
    ['建议政务大厅修建无障碍坡道', '沁水县残疾人联合会'],
  ])('sends "%s" to %s', (text, unit) => {
    expect(suggestUnit(text, UNITS)?.unit).toBe(unit);
  });

  it('takes the next department of the concept when the first is not in the list', () => {
    // 托育 belongs first to the health department, then to education.
    expect(suggestUnit('希望有公办的托儿所', ['沁水县教育局'])).toEqual({
      unit: '沁水县教育局',
      agency: '教育局',
      because: ['托育'],
    });
  });

  it('accepts units as objects and matches their short name too', () => {
    const units = [
      { id: 'u1', name: '沁水县卫生健康和体育局' },
      { id: 'u2', name: '沁水县某某中心', shortName: '园林绿化中心' },
    ];
    expect(suggestUnit('城西缺少公园绿地，建议建个口袋公园', units)?.unit.id).toBe('u2');
  });

  it('falls back to the township the text names when no department fits', () => {
    expect(suggestUnit('嘉峰镇赶集的时候太乱了', UNITS)).toEqual({
      unit: '嘉峰镇人民政府',
      agency: 'township',
      because: ['嘉峰'],
    });
  });

  it('returns null when nothing fits', () => {
    expect(suggestUnit('你好，辛苦了', UNITS)).toBeNull();
    expect(suggestUnit('移民小区暖气不热', [])).toBeNull();
  });
});

describe('suggestUnitName', () => {
  it('names the region’s own unit when one fits', () => {
    const units = [{ name: '沁水县交通运输局' }, { name: '沁水县教育局' }];
    expect(suggestUnitName('嘉峰镇到县城的公交车太少，建议增加班次', units)).toBe('沁水县交通运输局');
  });

  it('names the kind of department when the region has registered none that fits', () => {
    expect(suggestUnitName('嘉峰镇到县城的公交车太少，建议增加班次', [])).toBe('交通运输局');
    expect(suggestUnitName('县医院挂号难，建议开通网上预约', [{ name: '沁水县教育局' }])).toBe('卫体局');
  });

  it('names none when the text points nowhere', () => {
    expect(suggestUnitName('谢谢', [])).toBeNull();
  });
});
