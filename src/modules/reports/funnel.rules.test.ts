import { describe, expect, it } from 'vitest';
import { type FunnelCounts, funnelParagraph, funnelSteps } from './funnel.rules';

const none: FunnelCounts = {
  suggestions: 0,
  groups: 0,
  answered: 0,
  candidates: 0,
  shortlisted: 0,
  linkedCandidates: 0,
  elected: 0,
  projects: 0,
  suggestionsInElected: 0,
};

/** Qinshui 2023 as seed 001 tells it: 78 suggestions, 32 proposals, 15 candidates; 12 elected. */
const qinshui: FunnelCounts = {
  suggestions: 78,
  groups: 41,
  answered: 41,
  candidates: 32,
  shortlisted: 15,
  linkedCandidates: 20,
  elected: 12,
  projects: 12,
  suggestionsInElected: 30,
};

describe('funnelSteps', () => {
  it('runs suggestions → groups → proposals → candidates → elected', () => {
    expect(funnelSteps(qinshui)).toEqual([
      { key: 'suggestions', label: '群众建议', value: 78 },
      { key: 'groups', label: '建议组', value: 41 },
      { key: 'proposals', label: '项目建议', value: 32 },
      { key: 'candidates', label: '票决候选', value: 15 },
      { key: 'elected', label: '当选项目', value: 12 },
    ]);
  });

  it('takes every candidate as the vote’s when the list was not screened here', () => {
    expect(funnelSteps({ ...qinshui, shortlisted: 0 })[3]).toEqual({
      key: 'candidates',
      label: '票决候选',
      value: 32,
    });
  });
});

describe('funnelParagraph', () => {
  it('tells the whole way in the words of the seed', () => {
    expect(funnelParagraph(qinshui)).toBe(
      '公开征集各类意见建议78条，经分类梳理合并为41组，交由相关部门研究办理，已逐组公开答复。' +
        '各部门和各乡镇谋划提出项目建议32个（其中20个关联了群众建议）；经优化比选，确定票决候选项目15个；' +
        '经人大代表票决，确定民生实事项目12件。当选项目共吸纳群众建议30条。',
    );
  });

  it('says how many groups were answered, or that none was', () => {
    expect(funnelParagraph({ ...qinshui, answered: 9 })).toContain('交由相关部门研究办理，已公开答复9组。');
    expect(funnelParagraph({ ...qinshui, answered: 0 })).toContain('交由相关部门研究办理，尚未答复。');
  });

  it('leaves out the screening and the links that did not happen', () => {
    expect(
      funnelParagraph({ ...qinshui, shortlisted: 0, linkedCandidates: 0, suggestionsInElected: 0 }),
    ).toBe(
      '公开征集各类意见建议78条，经分类梳理合并为41组，交由相关部门研究办理，已逐组公开答复。' +
        '各部门和各乡镇谋划提出项目建议32个；经人大代表票决，确定民生实事项目12件。',
    );
  });

  it('says the vote is still to come', () => {
    expect(funnelParagraph({ ...qinshui, elected: 0, suggestionsInElected: 0 })).toContain(
      '经优化比选，确定票决候选项目15个；尚未完成人大代表票决。',
    );
  });

  it('says plainly that nothing was asked or drafted here', () => {
    expect(funnelParagraph({ ...none, projects: 12 })).toBe(
      '本年度群众建议未通过本平台征集。本年度民生实事项目共12件，按年度计划组织实施。',
    );
    expect(funnelParagraph(none)).toBe('本年度群众建议未通过本平台征集。本年度尚未谋划候选项目。');
  });
});
