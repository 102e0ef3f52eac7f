import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, type FormInstance, Select } from 'antd';
import { useEffect } from 'react';
import type { Role } from '../../app/api/types';
import { RegionSelect } from '../regions/RegionSelect';
import { useUnits } from '../units/units.api';
import { needsUnit, ROLE_OPTIONS } from './roles';

interface Known {
  code: string;
  name: string;
}

function UnitField({ form, index }: { form: FormInstance; index: number }) {
  const role = Form.useWatch<Role | undefined>(['grants', index, 'role'], form);
  const region = Form.useWatch<string | undefined>(['grants', index, 'regionCode'], form);
  const show = needsUnit(role);
  const units = useUnits(region, { enabled: show && Boolean(region) });
  const unitId = Form.useWatch<string | undefined>(['grants', index, 'unitId'], form);
  // A unit chosen for another region must not ride along when the region changes.
  useEffect(() => {
    if (unitId && units.data && !units.data.items.some((u) => u.id === unitId)) {
      form.setFieldValue(['grants', index, 'unitId'], undefined);
    }
  }, [unitId, units.data, form, index]);
  if (!show) return null;
  return (
    <Form.Item
      label="所属单位"
      name={[index, 'unitId']}
      rules={[{ required: true, message: '部门角色必须指定所属单位' }]}
      extra={region ? undefined : '请先选择地区'}
    >
      <Select
        aria-label="所属单位"
        placeholder="选择单位"
        loading={units.isFetching}
        disabled={!region}
        showSearch={{ optionFilterProp: 'label' }}
        options={(units.data?.items ?? []).map((u) => ({
          value: u.id,
          label: `${u.name}（${u.regionName}）`,
        }))}
        notFoundContent="该地区还没有单位，请先在「单位」中新增"
      />
    </Form.Item>
  );
}

/** The roles a user holds: each is a role over a region subtree, and for department roles a unit. */
export function GrantsEditor({ form, known }: { form: FormInstance; known: Known[] }) {
  return (
    <Form.List
      name="grants"
      rules={[
        {
          validator: async (_, grants: unknown[] | undefined) => {
            if (!grants || grants.length === 0) throw new Error('请至少指定一个角色');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div className="grants-editor">
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              title={`角色 ${i + 1}`}
              extra={
                <Button
                  type="text"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={`删除角色 ${i + 1}`}
                >
                  删除
                </Button>
              }
            >
              <Form.Item
                label="角色"
                name={[field.name, 'role']}
                rules={[{ required: true, message: '请选择角色' }]}
              >
                <Select aria-label="角色" options={ROLE_OPTIONS} placeholder="选择角色" />
              </Form.Item>
              <Form.Item
                label="管辖地区"
                name={[field.name, 'regionCode']}
                rules={[{ required: true, message: '请选择地区' }]}
              >
                <RegionSelect aria-label="管辖地区" known={known} />
              </Form.Item>
              <UnitField form={form} index={field.name} />
            </Card>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>
            添加角色
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
