import { ExportOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, List, Skeleton, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api/client';
import { errorMessage } from '../../app/api/form-errors';
import { PageHeading } from '../../components/PageHeading';
import type { PublicProgress } from '../../portal/projects/portal-api';
import { PosterLinks } from '../evaluation/PosterLinks';
import { ReportToolbar } from '../reports/ReportToolbar';
import { LIGHT_COLORS, percent } from './format';
import { planYearKey, sortPlanYears } from './PlanYearSelect';
import { ProgressBar } from './ProgressBar';
import { usePlanYearList } from './progress.api';
import './progress.css';

/**
 * 信息公开: the plan year as the public sees it (项目进展 on the portal, in the bulletin's words, from
 * approved reports only), with each project's public page and its site poster to print, so that
 * staff check what is disclosed before they post the QR codes.
 */
export function DisclosurePage() {
  const [search, setSearch] = useSearchParams();
  const planYears = usePlanYearList();
  const items = sortPlanYears(planYears.data?.items ?? []);
  // Opens the newest plan year that has projects to disclose (one still gathering suggestions has none).
  const withProjects = useQuery({
    queryKey: ['public-plan-years'],
    queryFn: () => api.get<{ items: Array<{ regionCode: string; year: number }> }>('/api/public/plan-years'),
  });
  const disclosed = new Set((withProjects.data?.items ?? []).map(planYearKey));
  const first = items.find((p) => disclosed.has(planYearKey(p))) ?? items[0];
  const key = search.get('plan') ?? (withProjects.isPending ? undefined : first && planYearKey(first));
  const plan = items.find((p) => planYearKey(p) === key);
  const published = useQuery({
    queryKey: ['public-progress', key],
    queryFn: () => api.get<PublicProgress>(`/api/public/plan-years/${key}/projects`),
    enabled: Boolean(plan),
  });
  const [region, year] = (key ?? '/').split('/');
  const portalUrl = `/portal/projects?${new URLSearchParams({ region: region!, year: year! })}`;

  useEffect(() => {
    document.title = '信息公开 · 民生实事';
  }, []);

  const data = published.data;
  return (
    <>
      <PageHeading
        title="信息公开"
        description="群众在公众页面看到的项目进展（只含审核通过的进度，按通报口径），以及每个项目的现场二维码海报：群众扫码即可码上查、码上评、码上提。"
      />
      <ReportToolbar
        planYears={planYears}
        value={key}
        demo={plan?.demo}
        onChange={(k) => setSearch({ plan: k }, { replace: true })}
      >
        {plan && (
          <Button icon={<ExportOutlined />} href={portalUrl} target="_blank">
            打开公众页面
          </Button>
        )}
      </ReportToolbar>
      {published.error && <Alert type="error" showIcon title={errorMessage(published.error)} />}
      {published.isPending && plan && <Skeleton active paragraph={{ rows: 6 }} />}
      {data && (
        <Card size="small" title={`公开的项目进展（截至 ${data.asOf}）`}>
          <Typography.Paragraph hidden={data.projects.length === 0}>
            共 {data.total} 件，已完成 {data.completed} 件，正在推进 {data.inProgress} 件
            {data.lagging > 0 && `，其中 ${data.lagging} 件进度滞后`}；序时进度 {percent(data.elapsed, 1)}。
          </Typography.Paragraph>
          {data.projects.length === 0 && (
            <Alert
              type="info"
              showIcon
              title="该年度还没有项目：票决通过或录入项目后，项目进展和现场二维码海报会在这里公开。"
            />
          )}
          <List
            locale={{ emptyText: ' ' }}
            itemLayout="vertical"
            dataSource={data.projects}
            renderItem={(p) => (
              <List.Item key={p.id}>
                <div className="disclosure-head">
                  <Typography.Text strong>{p.name}</Typography.Text>
                  <Tag color={LIGHT_COLORS[p.light]}>{p.standing}</Tag>
                  {p.field && <Tag>{p.field}</Tag>}
                </div>
                <ProgressBar
                  completion={p.completion}
                  elapsed={data.elapsed}
                  planned={null}
                  light={p.light}
                />
                <PosterLinks projectId={p.id} projectName={p.name} />
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}
