import { Card, Segmented } from 'antd';
import { useState } from 'react';
import type { EvaluationCounts, RegionResults } from './evaluation.api';
import { ResultsChart } from './ResultsChart';

const none = (): EvaluationCounts => ({ satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, blank: 0 });

/** The deputies' verdicts (how many projects 满意, 基本满意, 不满意) or the survey's answers, per region. */
export function regionRows(regions: readonly RegionResults[], view: 'deputies' | 'survey') {
  return regions.map((r) => {
    if (view === 'deputies') {
      const v = r.verdicts.deputies;
      return {
        name: r.regionName,
        counts: r.session
          ? {
              ...none(),
              satisfied: v.满意 ?? 0,
              basicallySatisfied: v.基本满意 ?? 0,
              dissatisfied: v.不满意 ?? 0,
            }
          : null,
      };
    }
    const counts = none();
    for (const p of r.projects) {
      counts.satisfied += p.survey.counts.satisfied;
      counts.basicallySatisfied += p.survey.counts.basicallySatisfied;
      counts.dissatisfied += p.survey.counts.dissatisfied;
    }
    return { name: r.regionName, counts: r.surveyAnswers > 0 ? counts : null };
  });
}

/** 分地区: one bar per region of the year, for superiors who see their counties side by side. */
export function RegionsChart({ regions }: { regions: readonly RegionResults[] }) {
  const [view, setView] = useState<'deputies' | 'survey'>(
    regions.some((r) => r.session) ? 'deputies' : 'survey',
  );
  const rows = regionRows(regions, view);
  return (
    <Card size="small" title="各地区测评结果">
      <Segmented
        value={view}
        onChange={(v) => setView(v as typeof view)}
        options={[
          { value: 'deputies', label: '代表测评（项目数）' },
          { value: 'survey', label: '群众调查（评价份数）' },
        ]}
      />
      <ResultsChart
        rows={rows}
        label={`各地区${view === 'deputies' ? '代表测评结果为满意、基本满意、不满意的项目数' : '群众满意度调查评价份数'}`}
      />
    </Card>
  );
}
