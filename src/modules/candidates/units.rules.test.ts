import { describe, expect, it } from 'vitest';
import { parseUnits } from './units.rules';

describe('parseUnits', () => {
  it('reads lead and partners on one line, partners separated by spaces', () => {
    expect(parseUnits('牵头：住建局 配合：园林绿化服务中心 交警大队 晋城市生态环境局沁水分局')).toEqual({
      lead: ['住建局'],
      partners: ['园林绿化服务中心', '交警大队', '晋城市生态环境局沁水分局'],
      implementers: [],
      notes: [],
    });
  });

  it('continues the label above on a line without one', () => {
    expect(parseUnits('牵头： 医保局\n配合： 卫体局\n全县二级及以下公立医疗机构')).toEqual({
      lead: ['医保局'],
      partners: ['卫体局', '全县二级及以下公立医疗机构'],
      implementers: [],
      notes: [],
    });
  });

  it('reads 实施 and half-width colons, units separated by 顿号', () => {
    expect(parseUnits('牵头:文旅局\n实施: 文旅局、人民戏剧演出有限公司、12个乡镇\n配合:融媒体中心')).toEqual({
      lead: ['文旅局'],
      partners: ['融媒体中心'],
      implementers: ['文旅局', '人民戏剧演出有限公司', '12个乡镇'],
      notes: [],
    });
    expect(parseUnits('牵头： 住建局 实施： 城投公司')).toMatchObject({
      lead: ['住建局'],
      implementers: ['城投公司'],
    });
  });

  it('reads the longer labels 牵头单位 and 配合单位', () => {
    expect(parseUnits('牵头单位：教育局；配合单位：财政局')).toMatchObject({
      lead: ['教育局'],
      partners: ['财政局'],
    });
  });

  it('takes a lone unit as the lead without a note', () => {
    expect(parseUnits('红十字会')).toEqual({ lead: ['红十字会'], partners: [], implementers: [], notes: [] });
  });

  it('takes the first of unlabelled units as lead and says so', () => {
    const units = parseUnits('住建局、交警大队');
    expect(units.lead).toEqual(['住建局']);
    expect(units.partners).toEqual(['交警大队']);
    expect(units.notes).toEqual(['未标明“牵头”“配合”，已将“住建局”视为牵头单位']);
  });

  it('takes text before the first label as lead and says so', () => {
    const units = parseUnits('民政局 配合：财政局');
    expect(units.lead).toEqual(['民政局']);
    expect(units.notes).toEqual(['“民政局”前没有标明“牵头”或“配合”，已视为牵头单位']);
  });

  it('falls back to the implementing unit when no lead is named', () => {
    const units = parseUnits('实施：城投公司');
    expect(units.lead).toEqual(['城投公司']);
    expect(units.notes).toEqual(['未写牵头单位，已将实施单位视为牵头单位']);
  });

  it('flags a cell without any lead', () => {
    expect(parseUnits('配合：财政局').notes).toEqual(['未写牵头单位']);
    expect(parseUnits('').notes).toEqual(['未写牵头单位']);
  });
});
