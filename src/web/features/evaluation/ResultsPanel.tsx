import { Alert, Button, Card, Drawer, Empty, List, Segmented, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api/form-errors';
import { useCan } from '../../app/auth/session';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { type RegionResults, useComments, useResults } from './evaluation.api';
import { RegionsChart } from './RegionsChart';
import { ResultsChart } from './ResultsChart';
import { SurveyCodesButton } from './SurveyCodesButton';
import { VerdictTag } from './VerdictTag';

/** Results by region and project: the deputies' verdicts beside the public survey, with the posters. */
export function ResultsPanel({ region, year }: { region?: string; year?: number }) {
  const results = useResults(region, year);
  const can = useCan();
  if (results.error) return <Alert type="error" showIcon title={errorMessage(results.error)} />;
  if (!results.data) return <Skeleton active />;
  return (
    <Space direction="vertical" size="middle" className="evaluation-session">
      {can('plan.manage') && region && year && <SurveyCodesButton region={region} year={year} />}
      {results.data.regions.length > 1 && <RegionsChart regions={results.data.regions} />}
      {results.data.regions.map((r) => (
        <RegionCard key={r.regionCode} region={r} />
      ))}
    </Space>
  );
}

type ProjectRow = RegionResults['projects'][number];

function RegionCard({ region }: { region: RegionResults }) {
  const [view, setView] = useState<'deputies' | 'survey'>(region.session ? 'deputies' : 'survey');
  const [commentsOf, setCommentsOf] = useState<{ id: string; name: string } | null>(null);
  const rows = region.projects.map((p) => ({
    name: p.name,
    counts: view === 'deputies' ? (p.deputies?.counts ?? null) : p.survey.counts,
  }));
  const summary = (counts: Record<string, number>) =>
    ['满意', '基本满意', '不满意'].map((v) => `${v} ${counts[v] ?? 0} 项`).join('，');
  return (
    <Card title={`${region.regionName} · ${region.planTitle ?? ''}`} size="small">
      <p>
        代表测评：
        {region.session
          ? `${region.session.title}，应到 ${region.session.roll} 人，收回 ${region.session.returned} 张；${summary(region.verdicts.deputies)}`
          : '尚未计票'}
      </p>
      <p>
        群众调查：共 {region.surveyAnswers} 份评价；{summary(region.verdicts.survey)}
      </p>
      <Segmented
        value={view}
        onChange={(v) => setView(v as typeof view)}
        options={[
          { value: 'deputies', label: '代表测评' },
          { value: 'survey', label: '群众调查' },
        ]}
      />
      {rows.every((r) => r.counts === null) ? (
        <Empty description="尚无测评结果" />
      ) : (
        <ResultsChart
          rows={rows}
          label={`${region.regionName}各项目${view === 'deputies' ? '代表测评' : '群众调查'}结果`}
        />
      )}
      <ResponsiveTable<ProjectRow>
        label={`${region.regionName}各项目测评结果`}
        rows={region.projects}
        rowKey={(p) => p.projectId}
        cardTitle={(p) => p.name}
        columns={[
          { key: 'name', title: '项目', render: (p) => p.name, hideOnCard: true },
          { key: 'deputies', title: '代表测评', render: (p) => <VerdictTag verdict={p.deputies?.verdict} /> },
          {
            key: 'rate',
            title: '群众满意率',
            render: (p) =>
              p.survey.satisfactionRate === null
                ? '—'
                : `${p.survey.satisfactionRate}%（${p.survey.answers} 份）`,
          },
          { key: 'survey', title: '群众评价', render: (p) => <VerdictTag verdict={p.survey.verdict} /> },
          {
            key: 'poster',
            title: '二维码海报',
            render: (p) => (
              <Space size={8} wrap>
                <a href={`/api/projects/${p.projectId}/poster.pdf`} target="_blank" rel="noreferrer">
                  PDF
                </a>
                <a href={`/api/projects/${p.projectId}/poster.svg`} target="_blank" rel="noreferrer">
                  SVG
                </a>
                <a href={`/p/${p.projectId}`} target="_blank" rel="noreferrer">
                  公开页
                </a>
              </Space>
            ),
          },
        ]}
        actions={(p) => (
          <Button size="small" type="link" onClick={() => setCommentsOf({ id: p.projectId, name: p.name })}>
            查看意见
          </Button>
        )}
      />
      <Drawer
        open={commentsOf !== null}
        title={commentsOf?.name}
        onClose={() => setCommentsOf(null)}
        size={Math.min(736, window.innerWidth)}
      >
        {commentsOf && <Comments projectId={commentsOf.id} />}
      </Drawer>
    </Card>
  );
}

function Comments({ projectId }: { projectId: string }) {
  const comments = useComments(projectId);
  if (comments.error) return <Alert type="error" showIcon title={errorMessage(comments.error)} />;
  return (
    <List
      loading={comments.isPending}
      dataSource={comments.data?.items ?? []}
      locale={{ emptyText: '暂无意见' }}
      renderItem={(c) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Space>
                <VerdictTag verdict={c.rating} />
                {c.phoneMasked && <Tag>{c.phoneMasked}</Tag>}
                <span>{new Date(c.createdAt).toLocaleString('zh-CN')}</span>
              </Space>
            }
            description={<span className="evaluation-comment">{c.comment}</span>}
          />
        </List.Item>
      )}
    />
  );
}
