import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { UNIT_KIND_LABELS, type UnitKind } from '../../../modules/units/units.rules';
import { errorMessage } from '../../app/api/form-errors';
import type { Unit } from '../../app/api/types';
import { useCan } from '../../app/auth/session';
import { PageHeading } from '../../components/PageHeading';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { RegionSelect } from '../regions/RegionSelect';
import { UnitFormModal } from './UnitFormModal';
import { useUnits } from './units.api';

const kindLabel = (kind: string) => UNIT_KIND_LABELS[kind as UnitKind] ?? kind;

const COLUMNS: Column<Unit>[] = [
  { key: 'name', title: '单位名称', render: (u) => u.name, hideOnCard: true },
  { key: 'shortName', title: '简称', render: (u) => u.shortName ?? '—' },
  { key: 'kind', title: '类型', render: (u) => <Tag>{kindLabel(u.kind)}</Tag> },
  { key: 'region', title: '所属地区', render: (u) => `${u.regionName}（${u.regionCode}）` },
];

export function UnitsPage() {
  const can = useCan();
  const queryClient = useQueryClient();
  const [region, setRegion] = useState<string | undefined>();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [name, setName] = useState('');
  const units = useUnits(region);
  const manage = can('unit.manage');
  // A county has dozens of units and a province hundreds: finding one by name beats paging.
  const rows = useMemo(() => {
    const text = name.trim();
    const items = units.data?.items;
    return text && items ? items.filter((u) => u.name.includes(text) || u.shortName?.includes(text)) : items;
  }, [units.data, name]);

  return (
    <>
      <PageHeading
        title="单位管理"
        description="承担民生实事工作的政府部门、乡镇（街道）和企事业单位，是牵头单位和配合单位的来源。"
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增单位
            </Button>
          )
        }
      />
      <Card size="small">
        <Form layout="vertical" className="filter-form">
          <Form.Item label="按地区筛选" style={{ marginBottom: 12, maxWidth: 420 }}>
            <RegionSelect
              value={region}
              onChange={setRegion}
              allowClear
              placeholder="全部（管辖范围内）"
              aria-label="按地区筛选"
            />
          </Form.Item>
          <Form.Item label="按名称查找" style={{ marginBottom: 12, maxWidth: 420 }}>
            <Input.Search
              value={name}
              onChange={(e) => setName(e.target.value)}
              allowClear
              placeholder="单位名称或简称"
              aria-label="按名称查找"
            />
          </Form.Item>
        </Form>
        {units.error && (
          <Alert type="error" showIcon title={errorMessage(units.error)} style={{ marginBottom: 12 }} />
        )}
        <ResponsiveTable<Unit>
          label="单位列表"
          rows={rows}
          loading={units.isFetching}
          rowKey={(u) => u.id}
          columns={COLUMNS}
          cardTitle={(u) => u.name}
          emptyText="暂无单位"
          actions={
            manage
              ? (u) => (
                  <Button size="small" onClick={() => setEditing(u)}>
                    编辑
                  </Button>
                )
              : undefined
          }
        />
      </Card>
      {editing && (
        <UnitFormModal
          unit={editing === 'new' ? undefined : editing}
          defaultRegion={region}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setName(saved.name);
            queryClient.invalidateQueries({ queryKey: ['units'] });
          }}
        />
      )}
    </>
  );
}
