import { Empty } from 'antd';
import { FunnelChart as EFunnel } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { type FunnelCounts, funnelSteps } from '../../../modules/reports/funnel.rules';

echarts.use([EFunnel, TooltipComponent, SVGRenderer]);

const FONT =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";
const COLORS = ['#1b4b8a', '#2f6bb3', '#4a8bd0', '#d08a2f', '#2e7d32'];

/**
 * 溯源漏斗: from residents' suggestions to elected projects, in the order the year runs — the same
 * steps the year-end report prints (reports/funnel.rules), with the answers given below the chart.
 */
export function FunnelChart({ funnel }: { funnel: FunnelCounts }) {
  const element = useRef<HTMLDivElement>(null);
  const steps = funnelSteps(funnel);
  const empty = steps.every((s) => s.value === 0);
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    const top = Math.max(1, ...steps.map((s) => s.value));
    chart.setOption({
      textStyle: { fontFamily: FONT },
      animation: false,
      tooltip: { trigger: 'item', formatter: '{b}：{c}' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          min: 0,
          max: top,
          minSize: '36%',
          left: '5%',
          width: '90%',
          gap: 2,
          label: { position: 'inside', formatter: '{b} {c}', color: '#fff', fontSize: 13 },
          data: steps.map((s, i) => ({ name: s.label, value: s.value, itemStyle: { color: COLORS[i] } })),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  });
  if (empty) {
    return (
      <Empty
        className="funnel-empty"
        description={`本年度未在平台征集群众建议，也未登记候选项目${funnel.projects ? `（${funnel.projects} 项项目由计划导入）` : ''}`}
      />
    );
  }
  return (
    <figure className="funnel-figure">
      <div
        ref={element}
        className="suggest-funnel"
        role="img"
        aria-label={steps.map((s) => `${s.label} ${s.value}`).join('，')}
      />
      <figcaption className="funnel-caption">
        已答复 {funnel.answered} 组 · 当选项目吸纳群众建议 {funnel.suggestionsInElected} 条 · 实施项目{' '}
        {funnel.projects} 项
      </figcaption>
    </figure>
  );
}
