import { Card, Progress, Steps, Tag } from 'antd';
import { PLAN_STAGE_LABELS, PLAN_STAGES, type PlanStage } from '../../../modules/plans/plans.rules';
import type { PlanYear } from '../../app/api/types';

/** The steps of the yearly cycle; 已归档 is the end state, not a step anyone works in. */
const STEPS: readonly PlanStage[] = PLAN_STAGES.filter((s) => s !== 'closed');

/** On a narrow screen eight titled steps do not fit: a segmented bar and one line of text do. */
export function PlanYearCard({ plan, compact }: { plan: PlanYear; compact: boolean }) {
  const closed = plan.stage === 'closed';
  const current = closed ? STEPS.length : STEPS.indexOf(plan.stage as PlanStage);
  return (
    <Card
      size="small"
      title={plan.title ?? `${plan.regionName ?? plan.regionCode} ${plan.year} 年民生实事`}
      extra={<Tag color={closed ? 'default' : 'blue'}>{plan.stageLabel}</Tag>}
    >
      {compact ? (
        <>
          <p className="plan-year-stage">
            {closed ? '已完成全部阶段' : `第 ${current + 1} / ${STEPS.length} 阶段：${plan.stageLabel}`}
          </p>
          <Progress
            steps={STEPS.length}
            percent={closed ? 100 : Math.round(((current + 1) / STEPS.length) * 100)}
            showInfo={false}
            size={[32, 8]}
            aria-label={`${plan.year} 年所处阶段：${plan.stageLabel}`}
          />
          {!closed && current + 1 < STEPS.length && (
            <p className="plan-year-next">下一阶段：{PLAN_STAGE_LABELS[STEPS[current + 1]!]}</p>
          )}
        </>
      ) : (
        <Steps
          size="small"
          titlePlacement="vertical"
          current={current}
          items={STEPS.map((s) => ({ key: s, title: PLAN_STAGE_LABELS[s] }))}
          aria-label={`${plan.year} 年所处阶段：${plan.stageLabel}`}
        />
      )}
    </Card>
  );
}
