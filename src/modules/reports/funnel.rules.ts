/**
 * 群众参与: how a plan year went from residents' suggestions to elected projects (the suggestions
 * module's funnel), in the order the year runs and in the words of the seeds' reports ("共征集各类意见
 * 建议 78 项……初步提出实项目 32 项……精选出 15 个……作为县人大代表票决候选项目建议").
 */
export interface FunnelCounts {
  suggestions: number;
  groups: number;
  answered: number;
  /** Every candidate drafted: the proposals (部门谋划). */
  candidates: number;
  /** Candidates shortlisted for the vote (优化比选); 0 when the list was not screened here. */
  shortlisted: number;
  linkedCandidates: number;
  elected: number;
  projects: number;
  suggestionsInElected: number;
}

export interface FunnelStep {
  key: 'suggestions' | 'groups' | 'proposals' | 'candidates' | 'elected';
  label: string;
  value: number;
}

/**
 * The five steps of the funnel, labelled short enough for a phone-wide chart (the console draws the
 * same steps). Without a shortlist, the candidates of the vote are every candidate
 * (the official candidate table was imported as it stood).
 */
export function funnelSteps(f: FunnelCounts): FunnelStep[] {
  return [
    { key: 'suggestions', label: '群众建议', value: f.suggestions },
    { key: 'groups', label: '建议组', value: f.groups },
    { key: 'proposals', label: '项目建议', value: f.candidates },
    { key: 'candidates', label: '票决候选', value: f.shortlisted > 0 ? f.shortlisted : f.candidates },
    { key: 'elected', label: '当选项目', value: f.elected },
  ];
}

/** The paragraph of the year-end report; each missing step is said plainly. */
export function funnelParagraph(f: FunnelCounts): string {
  const sentences: string[] = [];
  if (f.suggestions === 0) {
    sentences.push('本年度群众建议未通过本平台征集。');
  } else {
    const answered =
      f.answered === 0 ? '尚未答复' : f.answered >= f.groups ? '已逐组公开答复' : `已公开答复${f.answered}组`;
    sentences.push(
      `公开征集各类意见建议${f.suggestions}条，经分类梳理合并为${f.groups}组，交由相关部门研究办理，${answered}。`,
    );
  }
  if (f.candidates === 0) {
    sentences.push(
      f.projects > 0
        ? `本年度民生实事项目共${f.projects}件，按年度计划组织实施。`
        : '本年度尚未谋划候选项目。',
    );
  } else {
    const linked = f.linkedCandidates > 0 ? `（其中${f.linkedCandidates}个关联了群众建议）` : '';
    const parts = [`各部门和各乡镇谋划提出项目建议${f.candidates}个${linked}`];
    if (f.shortlisted > 0) parts.push(`经优化比选，确定票决候选项目${f.shortlisted}个`);
    parts.push(f.elected > 0 ? `经人大代表票决，确定民生实事项目${f.elected}件` : '尚未完成人大代表票决');
    sentences.push(`${parts.join('；')}。`);
    if (f.suggestionsInElected > 0) sentences.push(`当选项目共吸纳群众建议${f.suggestionsInElected}条。`);
  }
  return sentences.join('');
}
