import { describe, expect, it } from 'vitest';
import type { SupervisionAsOf } from '../supervision';
import { supervisionMarkdown } from './supervision-text.rules';

const order = (over: Partial<SupervisionAsOf['orders'][number]>): SupervisionAsOf['orders'][number] => ({
  number: '督〔2023〕1号',
  projectRef: 'P07',
  projectName: '老旧小区改造项目',
  unitName: '住建局',
  gravity: 'ordinary',
  gravityLabel: '一般事项',
  issuedOn: '2023-07-10',
  stageLabel: '已办结',
  dueOn: null,
  overdueDays: 0,
  escalation: null,
  grade: '良好',
  closedOn: '2023-07-18',
  rounds: 0,
  reminders: 0,
  ...over,
});

const totals = (over: Partial<SupervisionAsOf['totals']>): SupervisionAsOf['totals'] => ({
  total: 0,
  open: 0,
  overdue: 0,
  named: 0,
  escalated: 0,
  awaitingReview: 0,
  closed: 0,
  closedOnTime: 0,
  returned: 0,
  grades: { 优秀: 0, 良好: 0, 合格: 0, 不合格: 0 },
  ...over,
});

describe('the bulletin’s 督办情况', () => {
  it('counts what was closed, graded and sent back, and says when the open ones are within time', () => {
    const lines = supervisionMarkdown(
      {
        asOf: '2023-10-31',
        totals: totals({
          total: 4,
          open: 1,
          closed: 3,
          closedOnTime: 2,
          returned: 1,
          grades: { 优秀: 1, 良好: 1, 合格: 1, 不合格: 0 },
        }),
        orders: [order({})],
      },
      13,
      2023,
    );
    expect(lines).toEqual([
      '## 十三、督办情况',
      '',
      '截至10月31日，共下达督办事项4件，已办结3件（按时办结2件，评定优秀1件、良好1件、合格1件），退回重办1次，正在办理1件，均在时限内。',
    ]);
  });

  it('names every open order 3 days or more overdue, the longest first, and says which were raised', () => {
    const lines = supervisionMarkdown(
      {
        asOf: '2023-09-20',
        totals: totals({ total: 3, open: 3, overdue: 3, named: 2, escalated: 1 }),
        orders: [
          order({
            stageLabel: '待签收',
            dueOn: '2023-09-18',
            overdueDays: 2,
            escalation: { level: 1, label: '催办' },
          }),
          order({
            number: '督〔2023〕2号',
            projectName: '口袋公园建设项目',
            unitName: '园林绿化中心',
            stageLabel: '待报送措施',
            dueOn: '2023-09-16',
            overdueDays: 4,
            escalation: { level: 2, label: '通报' },
          }),
          order({
            number: '督〔2023〕3号',
            gravityLabel: '重大事项',
            stageLabel: '办理中',
            dueOn: '2023-09-10',
            overdueDays: 10,
            escalation: { level: 3, label: '提级督办' },
          }),
        ],
      },
      2,
      2023,
    );
    expect(lines.slice(2)).toEqual([
      '截至9月20日，共下达督办事项3件，正在办理3件，其中逾期3件。',
      '',
      '逾期3天以上、予以通报的督办事项2件：',
      '',
      '1. 督〔2023〕3号“老旧小区改造项目”（住建局，重大事项）：办理中，应于9月10日前完成，已逾期10天，已提级督办。',
      '2. 督〔2023〕2号“口袋公园建设项目”（园林绿化中心，一般事项）：待报送措施，应于9月16日前完成，已逾期4天。',
    ]);
  });
});
