import { CheckCircleFilled, ClockCircleOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import { Empty, Tag, Timeline } from 'antd';
import type { ReactNode } from 'react';
import { quantityToNumber } from '../../../modules/progress/quantity.rules';
import { chineseDate, quantity, wan } from './format';
import type { ProjectDetail } from './progress.api';

type State = 'reached' | 'missed' | 'due' | 'pending';

const ICONS: Record<State, ReactNode> = {
  reached: <CheckCircleFilled style={{ color: '#2f9e44' }} />,
  missed: <ExclamationCircleFilled style={{ color: '#e03131' }} />,
  due: undefined,
  pending: <ClockCircleOutlined style={{ color: '#adb5bd' }} />,
};

const STATE: Record<State, { label: string; color: string; tag: string }> = {
  reached: { label: '已达到', color: 'green', tag: 'success' },
  missed: { label: '逾期未达到', color: 'red', tag: 'error' },
  due: { label: '节点日期已过', color: 'blue', tag: 'processing' },
  pending: { label: '未到期', color: 'gray', tag: 'default' },
};

/**
 * The 推进计划 as a timeline. A step is reached when the latest approved figures meet the values it
 * planned (or, for a milestone-only indicator, when that many steps are reported done); a step that
 * plans no figure can only be read by its date.
 */
export function MilestoneTimeline({ detail }: { detail: ProjectDetail }) {
  const { project, assessment, asOf } = detail;
  const milestones = [...project.milestones].sort((a, b) => (a.due < b.due ? -1 : 1));
  if (milestones.length === 0) return <Empty description="该项目没有填写推进计划节点" />;
  const value = new Map(assessment.indicators.map((i) => [i.ref, i]));
  const stepIndicator = assessment.indicators.find((i) => i.kind === 'milestone');
  const stepsDone = stepIndicator ? quantityToNumber(stepIndicator.value) : null;
  const indicatorOf = new Map(project.indicators.map((i) => [i.ref, i]));

  const stateOf = (m: (typeof milestones)[number], index: number): State => {
    const refs = Object.keys(m.planned);
    let reached: boolean | null = null;
    if (refs.length > 0) {
      reached = refs.every((ref) => {
        const current = value.get(ref);
        return current !== undefined && quantityToNumber(current.value) >= quantityToNumber(m.planned[ref]!);
      });
    } else if (stepsDone !== null) {
      reached = index < stepsDone;
    }
    if (reached) return 'reached';
    if (m.due <= asOf) return reached === false ? 'missed' : 'due';
    return 'pending';
  };

  return (
    <Timeline
      className="milestones"
      items={milestones.map((m, index) => {
        const state = stateOf(m, index);
        const icon = ICONS[state];
        const planned = Object.entries(m.planned).map(([ref, v]) => {
          const indicator = indicatorOf.get(ref);
          return `${indicator?.name ?? ref} ${quantity(indicator?.kind ?? 'count', v, indicator?.unit)}`;
        });
        return {
          key: `${m.due}-${index}`,
          color: STATE[state].color,
          icon,
          content: (
            <div className={`milestone milestone-${state}`}>
              <div className="milestone-date">{chineseDate(m.due)}</div>
              <div>
                <Tag color={STATE[state].tag}>{STATE[state].label}</Tag>
                {m.text ?? '节点'}
              </div>
              {(planned.length > 0 || m.investment) && (
                <div className="muted milestone-plan">
                  {planned.length > 0 && <>计划累计：{planned.join('，')}</>}
                  {planned.length > 0 && m.investment && '；'}
                  {m.investment && <>本阶段计划投资 {wan(m.investment)}</>}
                </div>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
