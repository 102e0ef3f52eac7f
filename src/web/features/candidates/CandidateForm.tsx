import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import {
  CANDIDATE_INDICATOR_KIND_LABELS,
  CANDIDATE_INDICATOR_KINDS,
} from '../../../modules/candidates/drafting.rules';
import { ApiError } from '../../app/api/client';
import { errorMessage, showOnFormFields } from '../../app/api/form-errors';
import { useSession } from '../../app/auth/session';
import { FIELD_OPTIONS } from '../../components/field-options';
import {
  type CandidateDraftInput,
  type CandidateIndicatorKind,
  type CandidateItem,
  useCandidateActions,
  useRegionUnits,
  useSuggestionGroups,
} from './candidates.api';
import { wanToYuan, yuanToWan } from './PlanYearBar';

interface Values {
  name: string;
  field?: string;
  leadUnitId?: string;
  partnerUnits: string[];
  implementerUnits: string[];
  annualTask?: string;
  planText?: string;
  countyLeaders: string[];
  responsibleLeaders: string[];
  supervisingLeaders: string[];
  contacts: { name: string; phone?: string }[];
  budgetWan?: string;
  remarks?: string;
  indicators: {
    name: string;
    unit?: string;
    kind: CandidateIndicatorKind;
    target?: string | number | null;
  }[];
  suggestionGroupIds: string[];
}

const FIELDS = [
  'name',
  'field',
  'leadUnitId',
  'annualTask',
  'planText',
  'contacts.*.name',
  'contacts.*.phone',
  'remarks',
  'indicators.*.name',
  'indicators.*.kind',
  'indicators.*.target',
  'suggestionGroupIds.*',
];

const KIND_OPTIONS = CANDIDATE_INDICATOR_KINDS.map((k) => ({
  value: k,
  label: CANDIDATE_INDICATOR_KIND_LABELS[k],
}));

function initialValues(c: CandidateItem | undefined, defaultUnit: string | undefined): Partial<Values> {
  if (!c)
    return {
      leadUnitId: defaultUnit,
      partnerUnits: [],
      implementerUnits: [],
      countyLeaders: [],
      responsibleLeaders: [],
      supervisingLeaders: [],
      contacts: [{ name: '' }],
      indicators: [],
      suggestionGroupIds: [],
    };
  return {
    name: c.name,
    field: c.field ?? undefined,
    leadUnitId: c.leadUnitId ?? undefined,
    partnerUnits: c.units.partners,
    implementerUnits: c.units.implementers,
    annualTask: c.annualTask,
    planText: c.planText,
    countyLeaders: c.countyLeaders,
    responsibleLeaders: c.responsibleLeaders,
    supervisingLeaders: c.supervisingLeaders,
    contacts: c.contacts.map((p) => ({ name: p.name, phone: p.phone ?? undefined })),
    budgetWan: yuanToWan(c.budget),
    remarks: c.remarks,
    indicators: c.indicators.map((i) => ({
      name: i.name,
      unit: i.unit,
      kind: i.kind as CandidateIndicatorKind,
      target: i.target ?? null,
    })),
    suggestionGroupIds: c.suggestionGroups.map((g) => g.id),
  };
}

/** 部门谋划: every field of the official table, plus 领域, indicators and the suggestions behind it. */
export function CandidateForm({
  region,
  year,
  candidate,
  manager,
  onClose,
}: {
  region: string;
  year: number;
  candidate?: CandidateItem;
  /** The coordinator drafts for any unit; a clerk for its own. */
  manager: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const session = useSession();
  const actions = useCandidateActions(region, year);
  const units = useRegionUnits(region, true);
  const groups = useSuggestionGroups(region, year, true);
  const ownUnits = session.grants.filter((g) => g.unitId && g.regionCode === region).map((g) => g.unitId!);
  const unitOptions = useMemo(
    () =>
      (units.data?.items ?? [])
        .filter((u) => u.regionCode === region && (manager || ownUnits.includes(u.id)))
        .map((u) => ({ value: u.id, label: u.shortName ? `${u.name}（${u.shortName}）` : u.name })),
    [units.data, region, manager, ownUnits],
  );

  const submit = async (v: Values) => {
    const budget = v.budgetWan?.trim() ? wanToYuan(v.budgetWan) : null;
    if (v.budgetWan?.trim() && budget === null) {
      form.setFields([{ name: 'budgetWan', errors: ['请填写以万元为单位的数字，如 1000 或 12.5'] }]);
      return;
    }
    const input: CandidateDraftInput = {
      name: v.name,
      field: v.field?.trim() || null,
      leadUnitId: v.leadUnitId!,
      partnerUnits: v.partnerUnits,
      implementerUnits: v.implementerUnits,
      annualTask: v.annualTask ?? '',
      planText: v.planText ?? '',
      countyLeaders: v.countyLeaders,
      responsibleLeaders: v.responsibleLeaders,
      supervisingLeaders: v.supervisingLeaders,
      contacts: v.contacts
        .filter((p) => p.name?.trim())
        .map((p) => ({ name: p.name, phone: p.phone?.trim() || null })),
      budget,
      remarks: v.remarks ?? '',
      indicators: v.indicators.map((i) => ({
        name: i.name ?? '',
        unit: i.unit ?? null,
        kind: i.kind,
        target: i.target === undefined || i.target === '' ? null : i.target,
      })),
      suggestionGroupIds: v.suggestionGroupIds,
    };
    setSaving(true);
    try {
      const saved = candidate ? await actions.update(candidate.id, input) : await actions.create(input);
      message.success(candidate ? `已保存：${saved.name}` : `已起草候选项目：${saved.name}`);
      await actions.refresh();
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.field === 'budget')
        form.setFields([{ name: 'budgetWan', errors: [error.message] }]);
      else if (!showOnFormFields(error, form, FIELDS)) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const names = (label: string, name: keyof Values, placeholder: string) => (
    <Form.Item label={label} name={name}>
      <Select
        mode="tags"
        tokenSeparators={[' ', '、', '，', ',']}
        placeholder={placeholder}
        open={false}
        suffixIcon={null}
      />
    </Form.Item>
  );

  return (
    <Drawer
      title={candidate ? `修改候选项目：${candidate.name}` : '起草候选项目'}
      open
      onClose={onClose}
      size="large"
      className="candidate-drawer"
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues(candidate, ownUnits[0])}
      >
        <Form.Item
          label="项目名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]}
        >
          <Input maxLength={200} placeholder="如 口袋公园建设项目" />
        </Form.Item>
        <div className="form-pair">
          <Form.Item label="领域" name="field">
            <Select options={FIELD_OPTIONS} showSearch allowClear placeholder="选择或输入" mode={undefined} />
          </Form.Item>
          <Form.Item
            label="牵头单位"
            name="leadUnitId"
            rules={[{ required: true, message: '请选择牵头单位' }]}
          >
            <Select
              options={unitOptions}
              loading={units.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择单位"
            />
          </Form.Item>
        </div>
        {names('配合单位', 'partnerUnits', '输入单位名称后回车，可填多个')}
        {names('实施单位', 'implementerUnits', '各乡镇人民政府等，可不填')}
        <Form.Item label="年度工作任务" name="annualTask" extra="写明做什么、在哪里、做多少，便于设定指标">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item
          label="推进计划"
          name="planText"
          extra="按时间写明每一步，如“2 月份完成 50 万元，完成初步设计批复；3 月底完成招标”。系统会据此生成节点，读不懂的部分会标出请人核对。"
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={10000} />
        </Form.Item>
        <fieldset className="form-section">
          <legend>绩效指标</legend>
          <Form.List name="indicators">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <div key={f.key} className="indicator-row">
                    <Form.Item
                      name={[f.name, 'name']}
                      label="指标名称"
                      rules={[{ required: true, message: '请填写指标名称' }]}
                    >
                      <Input placeholder="如 新建口袋公园" />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'kind']}
                      label="类型"
                      rules={[{ required: true, message: '请选择类型' }]}
                    >
                      <Select options={KIND_OPTIONS} placeholder="类型" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'target']} label="目标值">
                      <InputNumber
                        min={0}
                        style={{ width: '100%' }}
                        placeholder="应补尽补类不填"
                        stringMode
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'unit']} label="计量单位">
                      <Input placeholder="个、所、人" maxLength={20} />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<MinusCircleOutlined />}
                      aria-label="删除该指标"
                      onClick={() => remove(f.name)}
                    />
                  </div>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'count' })} block type="dashed">
                  添加指标
                </Button>
              </>
            )}
          </Form.List>
        </fieldset>
        {names('县级分管领导', 'countyLeaders', '输入姓名后回车')}
        <div className="form-pair">
          {names('责任领导', 'responsibleLeaders', '输入姓名后回车')}
          {names('分管领导', 'supervisingLeaders', '输入姓名后回车')}
        </div>
        <fieldset className="form-section">
          <legend>责任人及联系电话</legend>
          <Form.List name="contacts">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <div key={f.key} className="contact-row">
                    <Form.Item name={[f.name, 'name']} label="姓名">
                      <Input maxLength={50} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'phone']} label="联系电话">
                      <Input maxLength={20} inputMode="tel" />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<MinusCircleOutlined />}
                      aria-label="删除该责任人"
                      onClick={() => remove(f.name)}
                    />
                  </div>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '' })} block type="dashed">
                  添加责任人
                </Button>
              </>
            )}
          </Form.List>
        </fieldset>
        <Form.Item label="需财政投入资金（初步估算，万元）" name="budgetWan">
          <Input inputMode="decimal" suffix="万元" placeholder="如 1000" />
        </Form.Item>
        <Form.Item
          label="来源的群众建议"
          name="suggestionGroupIds"
          extra="该项目回应的群众建议（分类梳理后的建议组）"
        >
          <Select
            mode="multiple"
            loading={groups.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={groups.data?.items.length === 0 ? '本年度还没有梳理出的建议组' : '选择建议组'}
            options={(groups.data?.items ?? []).map((g) => ({
              value: g.id,
              label: `${g.label}（${g.suggestions} 条）`,
            }))}
          />
        </Form.Item>
        <Form.Item label="备注" name="remarks">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
