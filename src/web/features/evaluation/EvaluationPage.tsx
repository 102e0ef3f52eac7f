import { Alert, Button, Card, Empty, Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api/form-errors';
import { useCan } from '../../app/auth/session';
import { PageHeading } from '../../components/PageHeading';
import { PlanYearSelect, planYearKey, sortPlanYears } from '../progress/PlanYearSelect';
import { usePlanYearList } from '../progress/progress.api';
import { useEvaluationActions, useSessionList } from './evaluation.api';
import { ResultsPanel } from './ResultsPanel';
import { SessionPanel } from './SessionPanel';
import { SurveyWindowCard } from './SurveyWindowCard';
import './evaluation.css';

/**
 * 满意度测评: at the congress after a plan year, deputies rate its projects by secret ballot
 * (session management: roll, check-in with a QR token, close); beside it the results by project and
 * region, the deputies' verdicts next to the public survey.
 */
export function EvaluationPage() {
  const can = useCan();
  const planYears = usePlanYearList();
  const items = sortPlanYears(planYears.data?.items ?? []);
  const [chosen, setChosen] = useState<string>();
  // Default to the newest plan year that is under way or done: last year's projects are rated.
  const key = chosen ?? items.find((p) => p.stage === 'implement' || p.stage === 'closed') ?? items[0];
  const planKey = typeof key === 'string' ? key : key ? planYearKey(key) : undefined;
  const [region, yearText] = planKey?.split('/') ?? [];
  const year = yearText ? Number(yearText) : undefined;
  const sessions = useSessionList(region, year);
  const [sessionId, setSessionId] = useState<string>();
  const current = sessionId ?? sessions.data?.items.at(-1)?.id;
  const actions = useEvaluationActions();
  const [problem, setProblem] = useState<string | null>(null);

  const create = async () => {
    setProblem(null);
    try {
      const made = await actions.create(region!, year!);
      setSessionId(made.id);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  return (
    <>
      <PageHeading
        title="满意度测评"
        description="人大代表以无记名方式对上一年度民生实事项目逐项评价满意、基本满意或不满意；群众通过项目二维码参与满意度调查。"
      />
      <Space wrap className="evaluation-toolbar">
        <PlanYearSelect
          items={planYears.data?.items}
          value={planKey}
          loading={planYears.isPending}
          onChange={(k) => {
            setChosen(k);
            setSessionId(undefined);
          }}
        />
      </Space>
      {planYears.error && <Alert type="error" showIcon title={errorMessage(planYears.error)} />}
      {problem && <Alert type="error" showIcon title={problem} closable onClose={() => setProblem(null)} />}
      <Tabs
        items={[
          {
            key: 'session',
            label: '代表测评',
            children: (
              <>
                <Space wrap className="evaluation-toolbar">
                  {(sessions.data?.items.length ?? 0) > 0 && (
                    <Select
                      aria-label="测评会议"
                      className="evaluation-session-select"
                      value={current}
                      onChange={setSessionId}
                      options={sessions.data?.items.map((s) => ({
                        value: s.id,
                        label: `${s.title}（${s.stateLabel}）`,
                      }))}
                    />
                  )}
                  {can('plan.manage') && region && (
                    <Button type="primary" onClick={create}>
                      新建测评会议
                    </Button>
                  )}
                </Space>
                {sessions.error && <Alert type="error" showIcon title={errorMessage(sessions.error)} />}
                {sessions.data && sessions.data.items.length === 0 && (
                  <Card>
                    <Empty description="该年度还没有满意度测评会议" />
                  </Card>
                )}
                {current && <SessionPanel id={current} />}
              </>
            ),
          },
          {
            key: 'results',
            label: '测评结果',
            children: (
              <Space direction="vertical" size="middle" className="evaluation-session">
                {region && year && <SurveyWindowCard region={region} year={year} />}
                <ResultsPanel region={region} year={year} />
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
