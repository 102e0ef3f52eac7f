import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ProjectDetail } from './progress.api';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const FONT =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? null : Number((x * 100).toFixed(2));

/** One indicator over time: actual completion against its plan and against 序时进度, in percent. */
export function IndicatorChart({
  series,
  indicatorRef,
  name,
}: {
  series: ProjectDetail['series'];
  indicatorRef: string;
  name: string;
}) {
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    const narrow = el.clientWidth < 480;
    const points = series.map((s) => ({ date: s.asOf, i: s.indicators.find((x) => x.ref === indicatorRef) }));
    const actual = points.map((p) => [p.date, pct(p.i?.completion ?? 0)]);
    const planned = points.map((p) => [p.date, pct(p.i?.planned)]);
    const elapsed = series.map((s) => [s.asOf, pct(s.elapsed)]);
    const hasPlan = planned.some((p) => p[1] !== null);
    const top = Math.max(100, ...actual.map((p) => Number(p[1]) || 0));
    chart.setOption({
      textStyle: { fontFamily: FONT },
      animation: false,
      grid: { left: 44, right: 14, top: 34, bottom: 28 },
      legend: { top: 0, left: 0, itemWidth: 18, itemHeight: 8, textStyle: { fontSize: 12 } },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (v === null || v === undefined || v === '-' ? '—' : `${v}%`),
      },
      xAxis: {
        type: 'time',
        axisLabel: {
          fontSize: 11,
          hideOverlap: true,
          formatter: (value: number) => {
            const d = new Date(value);
            // On a phone, odd months only: evenly spaced, instead of months dropped here and there
            // where two labels would touch.
            if (narrow && d.getDate() === 1 && d.getMonth() % 2 === 1) return '';
            return `${d.getMonth() + 1}月${d.getDate() === 1 ? '' : `${d.getDate()}日`}`;
          },
        },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: Math.ceil(top / 10) * 10,
        axisLabel: { formatter: '{value}%', fontSize: 11 },
      },
      series: [
        {
          name: '实际完成',
          type: 'line',
          data: actual,
          symbolSize: 6,
          lineStyle: { width: 3, color: '#1b4b8a' },
          itemStyle: { color: '#1b4b8a' },
        },
        ...(hasPlan
          ? [
              {
                name: '计划进度',
                type: 'line',
                data: planned,
                connectNulls: true,
                symbol: 'diamond',
                symbolSize: 7,
                lineStyle: { width: 2, type: 'dashed', color: '#f08c00' },
                itemStyle: { color: '#f08c00' },
              },
            ]
          : []),
        {
          name: '序时进度',
          type: 'line',
          data: elapsed,
          symbol: 'none',
          lineStyle: { width: 1.5, type: 'dotted', color: '#868e96' },
          itemStyle: { color: '#868e96' },
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [series, indicatorRef]);

  return (
    <div
      ref={element}
      className="indicator-chart"
      role="img"
      aria-label={`${name}：实际完成、计划进度与序时进度对比图`}
    />
  );
}
