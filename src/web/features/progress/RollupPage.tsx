import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { quantityToNumber } from '../../../modules/progress/quantity.rules';
import { errorMessage } from '../../app/api/form-errors';
import { PageHeading } from '../../components/PageHeading';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { chineseDate, doneWording, kindVerb, percent, quantity } from './format';
import { ToolbarField } from './PlanYearSelect';
import {
  type RollupChild,
  type RollupIndicator,
  usePlanYearList,
  useRollup,
  useRollupChildren,
} from './progress.api';
import './progress.css';

function rate(value: RollupChild['value'], against: number | string | null) {
  if (value === null || against === null || quantityToNumber(against) <= 0) return '—';
  return percent(quantityToNumber(value) / quantityToNumber(against));
}

function childColumns(
  indicator: RollupIndicator,
  year: number,
  hasPlan: (code: string) => boolean,
  asOf: string,
) {
  const { kind, unit } = indicator;
  const columns: Column<RollupChild>[] = [
    {
      key: 'region',
      title: '地区',
      hideOnCard: true,
      render: (c) =>
        hasPlan(c.region) ? (
          <Link to={`/progress/${c.region}/${year}?asOf=${asOf}`}>{c.regionName}</Link>
        ) : (
          c.regionName
        ),
    },
    {
      key: 'target',
      title: kind === 'entitlement' ? '应享受' : '分解目标',
      render: (c) => quantity(kind, kind === 'entitlement' ? c.eligible : c.target, unit),
    },
    {
      key: 'value',
      title: kind === 'entitlement' ? '已享受' : '完成',
      render: (c) => quantity(kind, c.value, unit),
    },
    {
      key: 'rate',
      title: kindVerb(kind),
      render: (c) => rate(c.value, kind === 'entitlement' ? c.eligible : c.target),
    },
    {
      key: 'reported',
      title: '报送',
      render: (c) =>
        c.reportedOn ? <span>截至{chineseDate(c.reportedOn)}</span> : <Tag color="red">未报送</Tag>,
    },
  ];
  return columns;
}

function IndicatorRollup({
  indicator,
  region,
  year,
  asOf,
  regions,
  hasPlan,
  open,
  onToggle,
}: {
  indicator: RollupIndicator;
  region: string;
  year: number;
  asOf: string;
  regions: Record<string, string>;
  hasPlan: (code: string) => boolean;
  open: boolean;
  onToggle: () => void;
}) {
  const { rollup, kind, unit } = indicator;
  const children = useRollupChildren(region, year, asOf, indicator, open);
  const total = rollup.reported.length + rollup.notReported.length;
  return (
    <Card
      size="small"
      className="rollup-card"
      title={
        <span>
          <span className="ref">{indicator.projectRef}</span> {indicator.projectName} · {indicator.name}
        </span>
      }
      extra={
        <Button size="small" type="link" onClick={onToggle} aria-expanded={open}>
          {open ? '收起' : `查看 ${total} 个地区`}
        </Button>
      }
    >
      <div className="rollup-total">
        <span>
          下级合计：<b>{quantity(kind, rollup.value, unit)}</b>
          <span className="muted">
            {' '}
            / {kind === 'entitlement' ? '应享受' : '目标'}{' '}
            {quantity(kind, kind === 'entitlement' ? rollup.eligible : rollup.target, unit)}
          </span>
        </span>
        <span>
          {kindVerb(kind)} <b>{percent(rollup.completion)}</b>
        </span>
        {rollup.done && <Tag color="blue">{doneWording(kind, false)}</Tag>}
        <span>
          已报送 {rollup.reported.length}/{total}
        </span>
      </div>
      {rollup.notReported.length > 0 && (
        <div className="rollup-missing">
          未报送：{rollup.notReported.map((code) => regions[code] ?? code).join('、')}
        </div>
      )}
      {open && children.error && <Alert type="error" showIcon title={errorMessage(children.error)} />}
      {open && (
        <ResponsiveTable<RollupChild>
          label={`${indicator.name} 下级地区完成情况`}
          rows={children.data}
          loading={children.isPending}
          rowKey={(c) => c.region}
          columns={childColumns(indicator, year, hasPlan, asOf)}
          paginate={false}
          cardTitle={(c) =>
            hasPlan(c.region) ? (
              <Link to={`/progress/${c.region}/${year}?asOf=${asOf}`}>{c.regionName}</Link>
            ) : (
              c.regionName
            )
          }
        />
      )}
    </Card>
  );
}

/** 任务分解: each split indicator with its sub-regions' targets and figures, and who has not reported. */
export function RollupPage() {
  const { region = '', year = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const asOf = search.get('asOf') ?? undefined;
  const rollup = useRollup(region, Number(year), asOf);
  const planYears = usePlanYearList();
  const listed = planYears.data?.items.find((p) => p.regionCode === region && p.year === Number(year));
  const hasPlan = (code: string) =>
    Boolean(planYears.data?.items.some((p) => p.regionCode === code && p.year === Number(year)));
  const data = rollup.data;
  const [toggled, setToggled] = useState<Set<string>>(new Set());
  return (
    <>
      <PageHeading
        title={
          <>
            任务分解汇总 · {listed?.regionName ?? region} {year} 年{' '}
            {listed?.demo && <Tag color="gold">演示数据</Tag>}
          </>
        }
        description="分解到下级地区的指标：各地目标、审核通过的完成数和未报送地区。点击有年度计划的地区查看其项目进度。"
        extra={
          <Link to={`/progress/${region}/${year}${data ? `?asOf=${data.asOf}` : ''}`}>
            <Button icon={<ArrowLeftOutlined />}>返回总览</Button>
          </Link>
        }
      />
      <Card size="small" className="toolbar-card">
        <ToolbarField id="as-of" label="截至日期">
          <Input
            id="as-of"
            type="date"
            className="date-input"
            value={data?.asOf ?? asOf ?? ''}
            onChange={(e) => {
              if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value))
                setSearch({ asOf: e.target.value }, { replace: true });
            }}
          />
        </ToolbarField>
      </Card>
      {rollup.error && <Alert type="error" showIcon title={errorMessage(rollup.error)} />}
      {rollup.isPending && <Skeleton active />}
      {data && data.indicators.length === 0 && (
        <Card>
          <Empty description="该年度计划没有分解到下级地区的指标" />
        </Card>
      )}
      <div className="rollup-list">
        {data?.indicators.map((i) => {
          const key = `${i.projectId}-${i.ref}`;
          return (
            <IndicatorRollup
              key={key}
              indicator={i}
              region={region}
              year={Number(year)}
              asOf={data.asOf}
              regions={data.regions}
              hasPlan={hasPlan}
              // With a few split indicators every card starts open; with many, each opens on demand.
              open={toggled.has(key) !== data.indicators.length <= 3}
              onToggle={() =>
                setToggled((previous) => {
                  const next = new Set(previous);
                  if (next.has(key)) next.delete(key);
                  else next.add(key);
                  return next;
                })
              }
            />
          );
        })}
      </div>
    </>
  );
}
