import { describe, expect, it } from 'vitest';
import { parseCandidateTable } from './candidate-table.rules';

const HEADER = [
  '序号',
  '项目名称',
  '年度工作任务',
  '推进计划',
  '实施单位',
  '县级分管领导',
  '责任领导',
  '分管领导',
  '责任人及联系电话',
  '需财政投入资金（初步估算）',
  '备注',
];

function row(cells: Partial<Record<(typeof HEADER)[number], string>>): string[] {
  return HEADER.map((h) => cells[h] ?? '');
}

const PARKS = row({
  序号: '1',
  项目名称: '口袋公园建设项目',
  年度工作任务: '改造建设一批小微绿地、口袋公园。',
  推进计划: '2 月份完成 50 万元，完成设计；3 月底 4 月初完成 50 万元，开工建设。',
  实施单位: '牵头： 园林绿化中心',
  县级分管领导: '牛正太',
  责任领导: '刘 建',
  分管领导: '冯 亮',
  责任人及联系电话: '李慧鑫 18235666981',
  '需财政投入资金（初步估算）': '100 万元',
});

const WALKWAY = row({
  序号: '2',
  项目名称: '县城中心城区慢行系统改造项目',
  年度工作任务: '完成人行道改造',
  推进计划: '第一季度：完成初设批复，投资约120万元；',
  实施单位: '牵头：住建局\n配合：园林绿化服务中心 交警大队',
  县级分管领导: '牛正太',
  责任领导: '宋国忠',
  分管领导: '王芳',
  责任人及联系电话: '王波 13935630633',
  '需财政投入资金（初步估算）': '2800万元',
});

describe('parseCandidateTable: the layout of a printed appendix', () => {
  const table = parseCandidateTable(
    [
      ['附件'],
      ['2023 年县民生实事人大代表票决候选项目清单'],
      ['|'],
      ['8'],
      HEADER,
      PARKS,
      ['', '', '', '', ''],
      HEADER,
      WALKWAY,
      ['', '', '', '第二季度：完成拆除，投资约500万元；', '', '', '', '', '', '', ''],
      ['9'],
      row({ 序号: '3', 项目名称: '', 推进计划: '3月份完成' }),
    ],
    2023,
  );

  it('skips titles, page markers, blank rows and the repeated header', () => {
    expect(table.candidates.map((c) => [c.row, c.seq, c.name])).toEqual([
      [6, 1, '口袋公园建设项目'],
      [9, 2, '县城中心城区慢行系统改造项目'],
    ]);
  });

  it('reads every column of a row', () => {
    expect(table.candidates[0]).toEqual({
      row: 6,
      seq: 1,
      name: '口袋公园建设项目',
      annualTask: '改造建设一批小微绿地、口袋公园。',
      planText: '2 月份完成 50 万元，完成设计；3 月底 4 月初完成 50 万元，开工建设。',
      milestones: [
        {
          due: '2023-02-28',
          when: '2 月份',
          text: '完成 50 万元，完成设计',
          track: null,
          plannedInvestmentYuan: '500000.00',
        },
        {
          due: '2023-04-10',
          when: '3 月底 4 月初',
          text: '完成 50 万元，开工建设',
          track: null,
          plannedInvestmentYuan: '500000.00',
        },
      ],
      units: { lead: ['园林绿化中心'], partners: [], implementers: [] },
      countyLeaders: ['牛正太'],
      responsibleLeaders: ['刘建'],
      supervisingLeaders: ['冯亮'],
      contacts: [{ name: '李慧鑫', phone: '18235666981' }],
      budgetYuan: '1000000.00',
      remarks: '',
      extra: {},
      needsReview: [],
    });
  });

  it('joins a row continued after a page break to its project, and says so', () => {
    const walkway = table.candidates[1]!;
    expect(walkway.milestones.map((m) => [m.due, m.plannedInvestmentYuan])).toEqual([
      ['2023-03-31', '1200000.00'],
      ['2023-06-30', '5000000.00'],
    ]);
    expect(walkway.needsReview[0]).toEqual({
      row: 10,
      column: '项目名称',
      text: '第二季度：完成拆除，投资约500万元；',
      reason: '本行没有序号和项目名称，已并入第 9 行的项目',
    });
  });

  it('lists every problem with its row and column, in row order', () => {
    expect(table.problems).toEqual([
      {
        row: 9,
        column: '推进计划',
        message: '第 9 行“推进计划”：各节点计划投资合计 620万元，与需财政投入资金 2800万元 不一致',
        severity: 'review',
      },
      {
        row: 10,
        column: '项目名称',
        message:
          '第 10 行“项目名称”：本行没有序号和项目名称，已并入第 9 行的项目（原文：第二季度：完成拆除，投资约500万元；）',
        severity: 'review',
      },
      { row: 11, column: null, message: '第 11 行只有“9”，已视为页码跳过', severity: 'review' },
      {
        row: 12,
        column: '项目名称',
        message: '第 12 行有内容却没有“项目名称”，请补上名称或删去该行',
        severity: 'error',
      },
    ]);
  });
});

describe('parseCandidateTable: cells that need a person', () => {
  const table = parseCandidateTable(
    [
      HEADER,
      row({
        序号: '一',
        项目名称: '劳动者职业\n技能提升工程',
        推进计划: '做好日常宣传工作。',
        实施单位: '人社局、财政局',
        县级分管领导: '分管 副县长',
        分管领导: '张鹏军 席沁军',
        责任人及联系电话: '李沁莉',
        '需财政投入资金（初步估算）': '待定',
      }),
      row({ 序号: '1', 项目名称: '劳动者职业技能提升工程', 推进计划: '3月份完成', 实施单位: '牵头：人社局' }),
    ],
    2023,
  );
  const [first, second] = table.candidates;

  it('still imports both rows', () => {
    expect(table.candidates).toHaveLength(2);
    expect(first!.name).toBe('劳动者职业技能提升工程');
    expect(first!.supervisingLeaders).toEqual(['张鹏军', '席沁军']);
    expect(first!.countyLeaders).toEqual(['分管副县长']);
    expect(first!.budgetYuan).toBeNull();
  });

  it('gives the reason for every cell it could not read, keeping the text', () => {
    expect(first!.needsReview.map((n) => `${n.column}：${n.reason}`)).toEqual([
      '序号：序号不是数字',
      '推进计划：推进计划中没有可识别的时间节点',
      '实施单位：未标明“牵头”“配合”，已将“人社局”视为牵头单位',
      '县级分管领导：只写了职务“分管副县长”，未写姓名',
      '责任领导：未填写',
      '责任人及联系电话：责任人“李沁莉”没有联系电话',
      '需财政投入资金（初步估算）：无法识别为金额',
    ]);
    expect(first!.needsReview.find((n) => n.column === '需财政投入资金（初步估算）')!.text).toBe('待定');
  });

  it('flags a repeated project name against the row it repeats', () => {
    expect(second!.needsReview).toContainEqual({
      row: 3,
      column: '项目名称',
      text: '劳动者职业技能提升工程',
      reason: '与第 2 行的项目同名',
    });
  });
});

describe('parseCandidateTable: other table shapes', () => {
  it('reports a table without a recognisable header', () => {
    expect(
      parseCandidateTable(
        [
          ['a', 'b'],
          ['c', 'd'],
        ],
        2023,
      ),
    ).toEqual({
      candidates: [],
      problems: [
        {
          row: 1,
          column: null,
          message: '未找到表头：表格需要有“项目名称”列，以及“推进计划”“实施单位”等至少两列',
          severity: 'error',
        },
      ],
    });
  });

  it('skips a 合计 row, whichever column holds the word, and says so', () => {
    const table = parseCandidateTable(
      [
        ['序号', '项目名称', '推进计划', '实施单位', '总投资（万元）'],
        ['1', '口袋公园', '6月底前完成', '园林绿化中心', '1000'],
        ['2', '慢行系统', '9月底前完成', '住建局', '2800'],
        ['', '合  计', '', '', '3800'],
        ['总计：', '', '', '', '3800'],
      ],
      2023,
    );
    expect(table.candidates.map((c) => [c.seq, c.name, c.budgetYuan])).toEqual([
      [1, '口袋公园', '10000000.00'],
      [2, '慢行系统', '28000000.00'],
    ]);
    expect(table.problems.filter((p) => p.row > 1)).toEqual([
      { row: 4, column: null, message: '第 4 行是“合计”行，不是候选项目，已跳过', severity: 'review' },
      { row: 5, column: null, message: '第 5 行是“总计：”行，不是候选项目，已跳过', severity: 'review' },
    ]);
  });

  it('accepts other column names, a 万元 budget header and keeps unknown columns', () => {
    const table = parseCandidateTable(
      [
        ['序号', '项目', '建设内容', '进度安排', '责任单位', '总投资（万元）', '所属领域'],
        ['1', '口袋公园', '建绿地', '6月底前完成', '园林绿化中心', '1000', '城乡建设'],
      ],
      2023,
    );
    expect(table.candidates[0]).toMatchObject({
      name: '口袋公园',
      annualTask: '建绿地',
      milestones: [{ due: '2023-06-30' }],
      units: { lead: ['园林绿化中心'] },
      budgetYuan: '10000000.00',
      extra: { 所属领域: '城乡建设' },
      countyLeaders: [],
      contacts: [],
    });
    expect(table.candidates[0]!.needsReview).toEqual([]);
  });

  it('says which expected columns the header lacks', () => {
    const table = parseCandidateTable(
      [
        ['序号', '项目名称', '实施单位', '备注'],
        ['1', '甲', '民政局', ''],
      ],
      2023,
    );
    expect(table.problems.map((p) => p.message)).toEqual([
      '第 1 行表头中没有“年度工作任务”列',
      '第 1 行表头中没有“推进计划”列',
      '第 1 行表头中没有“需财政投入资金（初步估算）”列',
    ]);
    expect(table.candidates[0]!.units.lead).toEqual(['民政局']);
  });

  it('flags a repeated 序号', () => {
    const table = parseCandidateTable(
      [HEADER, row({ 序号: '1', 项目名称: '甲' }), row({ 序号: '1', 项目名称: '乙' })],
      2023,
    );
    expect(table.problems.map((p) => p.message)).toContain('第 3 行“序号”：与第 2 行的序号重复（原文：1）');
  });
});
