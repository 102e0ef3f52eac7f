import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '../../../modules/units/units.rules';
import { errorMessage, showOnFormFields } from '../../app/api/form-errors';
import type { Unit } from '../../app/api/types';
import { RegionSelect } from '../regions/RegionSelect';
import { createUnit, type UnitInput, updateUnit } from './units.api';

const KIND_OPTIONS = UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }));
const FIELDS = ['regionCode', 'name', 'kind', 'shortName'];

/** Creates a unit, or edits one (its region is fixed once created: records hang on it). */
export function UnitFormModal({
  unit,
  defaultRegion,
  onClose,
  onSaved,
}: {
  unit?: Unit;
  defaultRegion?: string;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}) {
  const [form] = Form.useForm<UnitInput>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  const submit = async (values: UnitInput) => {
    setSaving(true);
    const shortName = values.shortName?.trim() || null;
    try {
      const saved = unit
        ? await updateUnit(unit.id, { name: values.name, kind: values.kind, shortName })
        : await createUnit({ ...values, shortName });
      message.success(unit ? `已保存：${saved.name}` : `已新增单位：${saved.name}`);
      onSaved(saved);
    } catch (error) {
      if (!showOnFormFields(error, form, FIELDS)) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={unit ? `编辑单位：${unit.name}` : '新增单位'}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<UnitInput>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          unit
            ? {
                regionCode: unit.regionCode,
                name: unit.name,
                kind: unit.kind,
                shortName: unit.shortName ?? '',
              }
            : { regionCode: defaultRegion, kind: 'department' }
        }
      >
        {unit ? (
          <Form.Item label="所属地区">
            <Input value={`${unit.regionName}（${unit.regionCode}）`} disabled />
          </Form.Item>
        ) : (
          <Form.Item
            label="所属地区"
            name="regionCode"
            rules={[{ required: true, message: '请选择所属地区' }]}
          >
            <RegionSelect aria-label="所属地区" />
          </Form.Item>
        )}
        <Form.Item
          label="单位名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入单位名称' },
            { max: 60, message: '单位名称不能超过 60 字' },
          ]}
        >
          <Input placeholder="例如 沁水县住房和城乡建设局" maxLength={60} />
        </Form.Item>
        <Form.Item label="简称" name="shortName" extra="文件和报表中常用的简称，如 住建局">
          <Input placeholder="可不填" maxLength={20} />
        </Form.Item>
        <Form.Item label="单位类型" name="kind" rules={[{ required: true, message: '请选择单位类型' }]}>
          <Select options={KIND_OPTIONS} aria-label="单位类型" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
