import { describe, expect, it } from 'vitest';
import { channelOf, parseSubmittedAt, readSuggestionSheet, trackingCode } from './suggestion-sheet.rules';

describe('reading a sheet of suggestions', () => {
  it('reads the four columns in any order, skipping blank rows and repeated headers', () => {
    const { suggestions, problems } = readSuggestionSheet([
      ['2023年沁水县民生实事建议汇总'],
      ['提交时间', '编号', '渠道', '内容'],
      ['2023-01-05 09:30', 'JY001', '12345热线', '杏园社区老楼加装电梯'],
      ['', '', '', ''],
      ['提交时间', '编号', '渠道', '内容'],
      ['2023/1/6', 'JY002', '微信公众号', '龙港镇中心小学门口加装红绿灯'],
    ]);
    expect(problems).toEqual([]);
    expect(suggestions).toEqual([
      {
        row: 3,
        ref: 'JY001',
        text: '杏园社区老楼加装电梯',
        channel: 'hotline',
        channelText: '12345热线',
        submittedAt: '2023-01-05T09:30:00+08:00',
      },
      {
        row: 6,
        ref: 'JY002',
        text: '龙港镇中心小学门口加装红绿灯',
        channel: 'wechat',
        channelText: '微信公众号',
        submittedAt: '2023-01-06T00:00:00+08:00',
      },
    ]);
  });

  it('names row and column of every problem', () => {
    const { problems } = readSuggestionSheet([
      ['编号', '内容', '渠道', '提交时间'],
      ['1', '', '网站', '2023-01-05'],
      ['1', '修路', '网站', '昨天'],
      ['', 'x'.repeat(2001), '网站', ''],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      '第 2 行“内容”：内容不能为空',
      '第 3 行“编号”：编号 1 与第 2 行重复',
      '第 3 行“提交时间”：无法识别的时间“昨天”，请写成 2023-01-05 或 2023-01-05 09:30',
      '第 4 行“编号”：编号不能为空',
      '第 4 行“内容”：内容超过 2000 字',
    ]);
  });

  it('says so when there is no 内容 column', () => {
    expect(readSuggestionSheet([['a', 'b']]).problems[0]?.message).toContain('找不到“内容”列');
  });
});

describe('fields of a suggestion', () => {
  it('knows the channels by their usual names', () => {
    expect(channelOf('12345市民热线')).toBe('hotline');
    expect(channelOf('人大代表')).toBe('deputy');
    expect(channelOf('县政府网站')).toBe('web');
    expect(channelOf('群众来信')).toBe('letter');
    expect(channelOf('')).toBe('other');
    expect(channelOf('电视台')).toBe('other');
  });
  it('keeps 编号 as the ref when the sheet also numbers its rows (序号), whatever the order', () => {
    const { suggestions, problems } = readSuggestionSheet([
      ['序号', '诉求内容', '编 号', '来源', '受理时间', '提交时间'],
      ['1', '杏园社区老楼加装电梯', '12345-0007', '12345热线', '2023-01-09', '2023-01-05 09:30'],
    ]);
    expect(problems).toEqual([]);
    expect(suggestions).toEqual([
      {
        row: 2,
        ref: '12345-0007',
        text: '杏园社区老楼加装电梯',
        channel: 'hotline',
        channelText: '12345热线',
        submittedAt: '2023-01-05T09:30:00+08:00',
      },
    ]);
    // With no 编号 column, the row numbers are the refs.
    expect(
      readSuggestionSheet([
        ['序号', '内容'],
        ['1', '加装电梯'],
      ]).suggestions[0],
    ).toMatchObject({ ref: '1' });
  });
  it('reads dates as people and Excel write them', () => {
    expect(parseSubmittedAt('2023年1月5日')).toBe('2023-01-05T00:00:00+08:00');
    expect(parseSubmittedAt('44931')).toBe('2023-01-05T00:00:00+08:00');
    expect(parseSubmittedAt('2023-02-30')).toBeUndefined();
    expect(parseSubmittedAt('')).toBeNull();
  });
  it('reads the times that hotline and database exports write, in China time', () => {
    const cases: Array<[string, string | undefined]> = [
      ['2023/1/5 9:30', '2023-01-05T09:30:00+08:00'],
      ['2023-01-05 09:30:15', '2023-01-05T09:30:15+08:00'],
      ['2023-01-05 09:30:15.0', '2023-01-05T09:30:15+08:00'],
      ['2023年1月5日 9时30分', '2023-01-05T09:30:00+08:00'],
      ['2023年1月5日9时30分20秒', '2023-01-05T09:30:20+08:00'],
      ['2023年1月5日 9：30', '2023-01-05T09:30:00+08:00'],
      ['2023-01-05T09:30:00+08:00', '2023-01-05T09:30:00+08:00'],
      ['2023-01-04T17:30:00Z', '2023-01-05T01:30:00+08:00'],
      ['2023-01-05 09:30:00 +0000', '2023-01-05T17:30:00+08:00'],
      ['20230105', '2023-01-05T00:00:00+08:00'],
      ['20230105093000', '2023-01-05T09:30:00+08:00'],
      ['2023-01-05 24:00', undefined],
      ['2023-01-05 09:61', undefined],
      ['2023-01-05 09:30 +1500', undefined],
      ['20231305', undefined],
      ['明天上午', undefined],
    ];
    for (const [written, read] of cases)
      expect([written, parseSubmittedAt(written)]).toEqual([written, read]);
  });
  it('makes tracking codes without confusable characters', () => {
    const code = trackingCode(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 31]));
    expect(code).toBe('ABCD-EFG9');
    expect(code).not.toMatch(/[01OI]/);
  });
});
