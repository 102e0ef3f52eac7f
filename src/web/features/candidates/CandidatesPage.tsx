import { FileExcelOutlined, FileWordOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Modal, Popconfirm, Space, Tag, Upload } from 'antd';
import { useState } from 'react';
import {
  CANDIDATE_INDICATOR_KIND_LABELS,
  type CandidateIndicatorKind,
} from '../../../modules/candidates/drafting.rules';
import { ApiError } from '../../app/api/client';
import { errorMessage } from '../../app/api/form-errors';
import { useCan } from '../../app/auth/session';
import { PageHeading } from '../../components/PageHeading';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { CandidateForm } from './CandidateForm';
import {
  type CandidateItem,
  exportUrl,
  type ImportSummary,
  useCandidateActions,
  useCandidateList,
} from './candidates.api';
import { PlanYearBar, usePlanYearParam, yuanText } from './PlanYearBar';
import { LinkedGroups, SuggestionLinksModal } from './SuggestionLinks';
import './candidates.css';

function StatusTags({ c }: { c: CandidateItem }) {
  return (
    <span className="tag-row">
      {c.status === 'draft' && <Tag>部门草稿</Tag>}
      {c.status === 'elected' && <Tag color="green">已票决当选</Tag>}
      {c.shortlisted && <Tag color="blue">入围</Tag>}
      {c.needsReview.length > 0 && <Tag color="orange">待核对 {c.needsReview.length} 处</Tag>}
    </span>
  );
}

const COLUMNS: Column<CandidateItem>[] = [
  { key: 'seq', title: '序号', width: 64, hideOnCard: true, render: (c) => c.seq },
  {
    key: 'name',
    title: '项目名称',
    hideOnCard: true,
    render: (c) => (
      <div>
        <strong>{c.name}</strong>
        <StatusTags c={c} />
      </div>
    ),
  },
  { key: 'field', title: '领域', render: (c) => c.field ?? '—' },
  { key: 'lead', title: '牵头单位', render: (c) => c.units.lead.join('、') || '—' },
  { key: 'budget', title: '资金（估算）', render: (c) => yuanText(c.budget) },
  { key: 'milestones', title: '节点', render: (c) => `${c.milestones.length} 个` },
  { key: 'sources', title: '来源建议', render: (c) => <LinkedGroups c={c} /> },
];

function Details({ c }: { c: CandidateItem }) {
  return (
    <div className="candidate-details">
      {c.needsReview.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="以下内容系统未能完全读懂，请核对"
          description={
            <ul>
              {c.needsReview.map((n) => (
                <li key={`${n.column}${n.message}`}>
                  {n.column ? `“${n.column}”：` : ''}
                  {n.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <h4>年度工作任务</h4>
      <p>{c.annualTask || '—'}</p>
      <h4>推进计划节点</h4>
      {c.milestones.length ? (
        <ol className="milestone-list">
          {c.milestones.map((m) => (
            <li key={`${m.due}${m.text}`}>
              <span className="due">{m.due}</span> {m.text}
              {m.investment && <span className="muted">（计划投资 {yuanText(m.investment)}）</span>}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{c.planText || '未填写推进计划'}</p>
      )}
      <h4>绩效指标</h4>
      {c.indicators.length ? (
        <ul>
          {c.indicators.map((i) => (
            <li key={i.ref}>
              {i.name}：{i.target ?? '应补尽补'} {i.unit ?? ''}
              <span className="muted">
                （{CANDIDATE_INDICATOR_KIND_LABELS[i.kind as CandidateIndicatorKind] ?? i.kind}）
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">尚未设定指标</p>
      )}
      <h4>来源的群众建议</h4>
      <p>
        <LinkedGroups c={c} />
      </p>
      <h4>责任人</h4>
      <p>
        {[
          ...c.countyLeaders.map((n) => `县级分管领导 ${n}`),
          ...c.responsibleLeaders.map((n) => `责任领导 ${n}`),
          ...c.supervisingLeaders.map((n) => `分管领导 ${n}`),
          ...c.contacts.map((p) => `责任人 ${p.name}${p.phone ? ` ${p.phone}` : ''}`),
        ].join('；') || '—'}
      </p>
    </div>
  );
}

/** 部门谋划: the plan year's candidates; departments draft theirs, the coordinator imports the table. */
export function CandidatesPage() {
  const plan = usePlanYearParam();
  const { region, year } = plan;
  const list = useCandidateList(region, year);
  const can = useCan();
  const manager = can('plan.manage');
  const drafter = can('record.write');
  const [editing, setEditing] = useState<CandidateItem | 'new' | null>(null);
  const [linking, setLinking] = useState<CandidateItem | null>(null);
  const [imported, setImported] = useState<ImportSummary | null>(null);
  const [importError, setImportError] = useState<ApiError | null>(null);
  const { message } = App.useApp();
  const actions = useCandidateActions(region ?? '', year ?? 0);
  const inDraft = list.data?.state === 'draft';

  const upload = async (file: File) => {
    setImportError(null);
    try {
      setImported(await actions.importTable(file));
      await actions.refresh();
    } catch (error) {
      if (error instanceof ApiError) setImportError(error);
      else message.error(errorMessage(error));
    }
    return false;
  };

  const remove = async (c: CandidateItem) => {
    try {
      await actions.remove(c.id);
      message.success(`已删除：${c.name}`);
      await actions.refresh();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const problems = Array.isArray(importError?.details) ? (importError.details as { message: string }[]) : [];

  return (
    <>
      <PageHeading
        title="部门谋划 · 候选项目"
        description="各部门起草本单位牵头的候选项目，写明领域、年度工作任务、推进计划、指标、责任人和资金，并关联来源的群众建议；民生办可导入官方候选项目表。"
        extra={
          region &&
          year && (
            <Space wrap>
              {drafter && inDraft && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                  起草候选项目
                </Button>
              )}
              {manager && inDraft && (
                <Upload accept=".xlsx,.csv,.tsv" showUploadList={false} beforeUpload={upload}>
                  <Button icon={<UploadOutlined />}>导入候选项目表</Button>
                </Upload>
              )}
              <Button icon={<FileExcelOutlined />} href={exportUrl(region, year, 'xlsx', 'all')}>
                导出 Excel
              </Button>
              <Button icon={<FileWordOutlined />} href={exportUrl(region, year, 'docx', 'all')}>
                导出 Word
              </Button>
            </Space>
          )
        }
      />
      <PlanYearBar plan={plan} state={list.data?.state} stateLabel={list.data?.stateLabel} />
      {list.data && !inDraft && (
        <Alert
          type="info"
          showIcon
          className="page-alert"
          title="候选项目清单已提交会议研究，部门不能再起草或修改；如需修改请联系民生办。"
        />
      )}
      {importError && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setImportError(null)}
          className="page-alert"
          title={importError.message}
          description={
            problems.length > 1 && (
              <ul className="problem-list">
                {problems.map((p) => (
                  <li key={p.message}>{p.message}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      {list.data && list.data.items.length === 0 ? (
        <Card>
          <Empty description="本年度还没有候选项目：部门可起草，民生办可导入候选项目表" />
        </Card>
      ) : (
        <ResponsiveTable<CandidateItem>
          label="候选项目"
          rows={list.data?.items}
          loading={list.isPending}
          rowKey={(c) => c.id}
          columns={COLUMNS}
          cardTitle={(c) => (
            <span className="card-title">
              {c.seq}. {c.name} <StatusTags c={c} />
            </span>
          )}
          expandedRow={(c) => <Details c={c} />}
          actions={(c) =>
            c.editable ? (
              <Space>
                <Button size="small" onClick={() => setEditing(c)}>
                  修改
                </Button>
                <Button size="small" onClick={() => setLinking(c)} aria-label={`关联建议：${c.name}`}>
                  关联建议
                </Button>
                {inDraft && (manager || c.status === 'draft') && (
                  <Popconfirm
                    title={`删除“${c.name}”？`}
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() => remove(c)}
                  >
                    <Button size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ) : null
          }
        />
      )}
      {editing && region && year && (
        <CandidateForm
          region={region}
          year={year}
          manager={manager}
          candidate={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {linking && region && year && (
        <SuggestionLinksModal
          region={region}
          year={year}
          candidate={linking}
          onClose={() => setLinking(null)}
        />
      )}
      <Modal
        open={imported !== null}
        title="导入完成"
        onOk={() => setImported(null)}
        onCancel={() => setImported(null)}
        cancelButtonProps={{ hidden: true }}
      >
        {imported && (
          <>
            <p>
              共导入 {imported.candidates} 个候选项目、{imported.milestones} 个推进节点，资金合计{' '}
              {yuanText(imported.budget)}。
            </p>
            {imported.needsReview.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={`有 ${imported.needsReview.length} 处内容需要人工核对`}
                description={
                  <ul className="problem-list">
                    {imported.needsReview.slice(0, 20).map((n) => (
                      <li key={n.message}>{n.message}</li>
                    ))}
                  </ul>
                }
              />
            )}
          </>
        )}
      </Modal>
    </>
  );
}
