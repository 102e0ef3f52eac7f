import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import type { YearEndReport } from '../../../modules/reports/year-end.rules';
import { api } from '../../app/api/client';
import { errorMessage } from '../../app/api/form-errors';
import { PageHeading } from '../../components/PageHeading';
import { ResultsChart } from '../evaluation/ResultsChart';
import { planYearKey, sortPlanYears } from '../progress/PlanYearSelect';
import { usePlanYearList } from '../progress/progress.api';
import { FunnelChart } from '../suggestions/FunnelChart';
import { DocumentActions } from './DocumentActions';
import { fetchText } from './fetch-text';
import { MarkdownView } from './MarkdownView';
import { ReportToolbar } from './ReportToolbar';
import '../progress/progress.css';
import '../evaluation/evaluation.css';
import '../suggestions/suggestions.css';
import './reports.css';

export function yearEndUrl(region: string, year: number, format: 'json' | 'md' | 'docx' | 'xlsx') {
  return `/api/plan-years/${region}/${year}/year-end-report?format=${format}`;
}

/**
 * 年终报告: the year-end report (年度民生实事办理情况报告) of a plan year — read here with its funnel and
 * satisfaction charts, or taken away as a Word document and an Excel workbook.
 */
export function YearEndPage() {
  const [search, setSearch] = useSearchParams();
  const planYears = usePlanYearList();
  const items = sortPlanYears(planYears.data?.items ?? []);
  // A finished year is what a year-end report is for; fall back to the newest.
  const fallback = items.find((p) => p.stage === 'closed') ?? items[0];
  const key = search.get('plan') ?? (fallback ? planYearKey(fallback) : undefined);
  const plan = items.find((p) => planYearKey(p) === key);
  const [region, yearText] = (key ?? '/').split('/');
  const year = Number(yearText);
  const md = useQuery({
    queryKey: ['year-end', key, 'md'],
    queryFn: () => fetchText(yearEndUrl(region!, year, 'md')),
    enabled: Boolean(plan),
  });
  const data = useQuery({
    queryKey: ['year-end', key, 'json'],
    queryFn: () => api.get<YearEndReport>(yearEndUrl(region!, year, 'json')),
    enabled: Boolean(plan),
  });

  useEffect(() => {
    document.title = '年终报告 · 民生实事';
  }, []);

  const rated = data.data?.satisfaction.projects.filter((p) => p.deputies) ?? [];

  return (
    <>
      <PageHeading
        title="年终报告"
        description="年度民生实事办理情况报告：项目完成情况、群众参与和满意度测评，可在线查看或下载 Word 公文和 Excel。"
      />
      <ReportToolbar
        planYears={planYears}
        value={key}
        demo={plan?.demo}
        onChange={(k) => setSearch({ plan: k }, { replace: true })}
      >
        {plan && (
          <DocumentActions
            docxUrl={yearEndUrl(region!, year, 'docx')}
            xlsxUrl={yearEndUrl(region!, year, 'xlsx')}
            text={md.data}
            what="报告文字"
          />
        )}
      </ReportToolbar>
      {(md.error || data.error) && (
        <Alert type="error" showIcon title={errorMessage(md.error ?? data.error)} />
      )}
      {data.data && (
        <div className="year-end-charts">
          <Card size="small" title="群众参与：溯源漏斗">
            <FunnelChart funnel={data.data.funnel} />
          </Card>
          <Card size="small" title="人大代表满意度测评">
            {rated.length > 0 ? (
              <ResultsChart
                rows={rated.map((p) => ({
                  name: p.name,
                  counts: { ...p.deputies!, blank: p.deputies!.blank ?? 0 },
                }))}
                label="各项目人大代表测评票数"
              />
            ) : (
              <Empty description="尚未开展人大代表满意度测评" />
            )}
          </Card>
        </div>
      )}
      {md.isFetching && !md.data && <Skeleton active paragraph={{ rows: 10 }} />}
      {md.data && (
        <Card size="small" className="bulletin-card" loading={md.isFetching}>
          <MarkdownView text={md.data} />
        </Card>
      )}
    </>
  );
}
