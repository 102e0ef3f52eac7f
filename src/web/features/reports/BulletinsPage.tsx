import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Skeleton } from 'antd';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../app/api/form-errors';
import { PageHeading } from '../../components/PageHeading';
import { todayIso } from '../progress/format';
import { planYearKey, sortPlanYears, ToolbarField } from '../progress/PlanYearSelect';
import { bulletinUrl, usePlanYearList } from '../progress/progress.api';
import { DocumentActions } from './DocumentActions';
import { fetchText } from './fetch-text';
import { MarkdownView } from './MarkdownView';
import { ReportToolbar } from './ReportToolbar';
import '../progress/progress.css';
import './reports.css';

const clamp = (date: string, start: string, end: string) => (date < start ? start : date > end ? end : date);

/** 通报: the progress bulletin of a plan year at a date, to read here or take away as Word and Excel. */
export function BulletinsPage() {
  const [search, setSearch] = useSearchParams();
  const planYears = usePlanYearList();
  const items = sortPlanYears(planYears.data?.items ?? []);
  const key = search.get('plan') ?? (items[0] ? planYearKey(items[0]) : undefined);
  const plan = items.find((p) => planYearKey(p) === key);
  const asOf = search.get('asOf') ?? (plan ? clamp(todayIso(), plan.periodStart, plan.periodEnd) : undefined);
  const [region, year] = (key ?? '/').split('/');
  const md = useQuery({
    queryKey: ['bulletin', key, asOf],
    queryFn: () => fetchText(bulletinUrl(region!, Number(year), asOf!, 'md')),
    enabled: Boolean(plan && asOf),
  });

  useEffect(() => {
    document.title = '通报 · 民生实事';
  }, []);

  return (
    <>
      <PageHeading
        title="通报"
        description="按截至日期生成民生实事进展通报：在线查看文字，或下载 Word 公文和 Excel 台账。"
      />
      <ReportToolbar
        planYears={planYears}
        value={key}
        demo={plan?.demo}
        onChange={(k) => setSearch({ plan: k }, { replace: true })}
      >
        <ToolbarField id="as-of" label="截至日期">
          <Input
            id="as-of"
            type="date"
            className="date-input"
            value={asOf ?? ''}
            min={plan?.periodStart}
            max={plan?.periodEnd}
            onChange={(e) => {
              if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && key)
                setSearch({ plan: key, asOf: e.target.value }, { replace: true });
            }}
          />
        </ToolbarField>
        {plan && asOf && (
          <DocumentActions
            docxUrl={bulletinUrl(region!, Number(year), asOf, 'docx')}
            xlsxUrl={bulletinUrl(region!, Number(year), asOf, 'xlsx')}
            text={md.data}
            what="通报文字"
          >
            <Link to={`/progress/${key}?asOf=${asOf}`}>
              <Button>项目进度</Button>
            </Link>
          </DocumentActions>
        )}
      </ReportToolbar>
      {md.error && <Alert type="error" showIcon title={errorMessage(md.error)} />}
      {md.isFetching && !md.data && <Skeleton active paragraph={{ rows: 10 }} />}
      {md.data && (
        <Card size="small" className="bulletin-card" loading={md.isFetching}>
          <MarkdownView text={md.data} />
        </Card>
      )}
    </>
  );
}
