import { Alert, Button, Card, Tag } from 'antd';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api/form-errors';
import { PageHeading } from '../../components/PageHeading';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { chineseDate, dateTime } from './format';
import { type ApprovalItem, useApprovals } from './progress.api';
import './progress.css';

const COLUMNS: Column<ApprovalItem>[] = [
  {
    key: 'project',
    title: '项目',
    hideOnCard: true,
    render: (a) => (
      <span>
        <span className="ref">{a.projectRef}</span> {a.projectName}
      </span>
    ),
  },
  { key: 'asOf', title: '报告期', render: (a) => `截至${chineseDate(a.asOf)}` },
  {
    key: 'version',
    title: '版本',
    render: (a) =>
      a.version > 1 ? (
        <span>
          <Tag color="purple">更正 第{a.version}版</Tag>
          {a.correctionReason && <span className="muted">{a.correctionReason}</span>}
        </span>
      ) : (
        '首次报送'
      ),
  },
  {
    key: 'unit',
    title: '填报单位',
    render: (a) => [a.unitName, a.authorName].filter(Boolean).join(' · ') || '—',
  },
  { key: 'submittedAt', title: '提交时间', render: (a) => dateTime(a.submittedAt) },
];

/** 审核: the submitted reports waiting for this user's decision, oldest first. */
export function ApprovalsPage() {
  const approvals = useApprovals();
  const count = approvals.data?.items.length;
  return (
    <>
      <PageHeading
        title="审核"
        description={
          count === undefined
            ? '本单位（或本级）填报员提交的进度报告，审核通过后计入项目进度和通报。'
            : count === 0
              ? '目前没有待审核的进度报告。'
              : `有 ${count} 份进度报告等待您审核，审核通过后计入项目进度和通报。`
        }
      />
      {approvals.error && <Alert type="error" showIcon title={errorMessage(approvals.error)} />}
      <Card size="small">
        <ResponsiveTable<ApprovalItem>
          label="待审核的进度报告"
          rows={approvals.data?.items}
          loading={approvals.isFetching}
          rowKey={(a) => a.id}
          columns={COLUMNS}
          emptyText="没有待审核的报告"
          cardTitle={(a) => (
            <span>
              <span className="ref">{a.projectRef}</span> {a.projectName}
            </span>
          )}
          actions={(a) => (
            <Link to={`/approvals/${a.projectId}/${a.id}`}>
              <Button type="primary">审核</Button>
            </Link>
          )}
        />
      </Card>
    </>
  );
}
