import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { EvaluationCounts } from './evaluation.api';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const FONT =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";
const SERIES = [
  { name: '满意', key: 'satisfied', color: '#389e0d' },
  { name: '基本满意', key: 'basicallySatisfied', color: '#d4b106' },
  { name: '不满意', key: 'dissatisfied', color: '#cf1322' },
] as const;

/** Ratings per project as stacked horizontal bars: 满意, 基本满意, 不满意. */
export function ResultsChart({
  rows,
  label,
}: {
  rows: Array<{ name: string; counts: EvaluationCounts | null }>;
  label: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    const names = rows.map((r) => (r.name.length > 12 ? `${r.name.slice(0, 12)}…` : r.name));
    chart.setOption({
      textStyle: { fontFamily: FONT },
      animation: false,
      legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: 11 } },
      series: SERIES.map((s) => ({
        name: s.name,
        type: 'bar',
        stack: 'ratings',
        barMaxWidth: 18,
        itemStyle: { color: s.color },
        data: rows.map((r) => r.counts?.[s.key] ?? 0),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows]);
  return (
    <div
      ref={element}
      className="evaluation-chart"
      role="img"
      aria-label={label}
      style={{ height: Math.max(200, 40 + rows.length * 30) }}
    />
  );
}
