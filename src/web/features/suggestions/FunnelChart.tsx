import { FunnelChart as EFunnel } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Funnel } from './suggestions.api';

echarts.use([EFunnel, TooltipComponent, SVGRenderer]);

const FONT =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

/** 溯源漏斗: from residents' suggestions to elected projects, in the order the year runs. */
export function FunnelChart({ funnel }: { funnel: Funnel }) {
  const element = useRef<HTMLDivElement>(null);
  const steps = [
    { name: '群众建议', value: funnel.suggestions },
    { name: '建议组', value: funnel.groups },
    { name: '已答复的组', value: funnel.answered },
    { name: '候选项目', value: funnel.candidates },
    { name: '当选项目', value: funnel.elected },
  ];
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
          data: steps.map((s, i) => ({
            ...s,
            itemStyle: { color: ['#1b4b8a', '#2f6bb3', '#4a8bd0', '#d08a2f', '#2e7d32'][i] },
          })),
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
  return (
    <div
      ref={element}
      className="suggest-funnel"
      role="img"
      aria-label={steps.map((s) => `${s.name} ${s.value}`).join('，')}
    />
  );
}
