import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api/form-errors';
import type { AuditEntry, AuditVerdict } from '../../app/api/types';
import { PageHeading } from '../../components/PageHeading';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { AUDIT_ACTION_LABELS, AUDIT_TABLE_LABELS, useAuditLog, verifyAuditChain } from './audit.api';
import './audit.css';

const time = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'short', timeStyle: 'medium', hour12: false });
const ACTION_COLORS: Record<string, string> = { insert: 'green', update: 'blue', delete: 'red' };

const COLUMNS: Column<AuditEntry>[] = [
  { key: 'seq', title: '序号', render: (e) => e.seq, hideOnCard: true },
  { key: 'at', title: '时间', render: (e) => time.format(new Date(e.at)) },
  { key: 'actor', title: '操作人', render: (e) => e.actor },
  {
    key: 'action',
    title: '操作',
    render: (e) => <Tag color={ACTION_COLORS[e.action]}>{AUDIT_ACTION_LABELS[e.action] ?? e.action}</Tag>,
  },
  { key: 'table', title: '数据', render: (e) => AUDIT_TABLE_LABELS[e.tableName] ?? e.tableName },
  { key: 'record', title: '记录编号', render: (e) => <code>{e.recordId}</code> },
];

function Changes({ entry }: { entry: AuditEntry }) {
  return (
    <div className="audit-changes">
      <div>
        <strong>修改前</strong>
        <pre className="audit-json">{entry.before ? JSON.stringify(entry.before, null, 2) : '（无）'}</pre>
      </div>
      <div>
        <strong>修改后</strong>
        <pre className="audit-json">{entry.after ? JSON.stringify(entry.after, null, 2) : '（无）'}</pre>
      </div>
      <div className="audit-hash">哈希：{entry.hash}</div>
    </div>
  );
}

export function AuditPage() {
  const log = useAuditLog();
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const [verifyProblem, setVerifyProblem] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);
  const rows = log.data?.pages.flatMap((p) => p.items);

  const verify = async () => {
    setVerifying(true);
    setVerifyProblem(null);
    try {
      setVerdict(await verifyAuditChain());
    } catch (error) {
      setVerdict(null);
      setVerifyProblem(errorMessage(error));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <>
      <PageHeading
        title="审计日志"
        description="每一次数据变更都记入只增不改的日志，并以哈希链前后相连，任何篡改或删除都能被发现。"
        extra={
          <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={verify}>
            校验哈希链
          </Button>
        }
      />
      {verdict && (
        <Alert
          type={verdict.ok ? 'success' : 'error'}
          showIcon
          title={verdict.message}
          description={
            verdict.ok ? undefined : `已校验 ${verdict.checked} 条，问题出现在第 ${verdict.brokenAt} 条记录。`
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {verifyProblem && <Alert type="error" showIcon title={verifyProblem} style={{ marginBottom: 16 }} />}
      <Card size="small">
        {log.error && (
          <Alert type="error" showIcon title={errorMessage(log.error)} style={{ marginBottom: 12 }} />
        )}
        <ResponsiveTable<AuditEntry>
          label="审计日志"
          rows={rows}
          loading={log.isFetching}
          rowKey={(e) => String(e.seq)}
          columns={COLUMNS}
          cardTitle={(e) => `第 ${e.seq} 条`}
          expandedRow={(e) => <Changes entry={e} />}
          emptyText="暂无审计记录"
          paginate={false}
        />
        {log.hasNextPage && (
          <Button
            block
            style={{ marginTop: 12 }}
            loading={log.isFetchingNextPage}
            onClick={() => log.fetchNextPage()}
          >
            加载更早的记录
          </Button>
        )}
      </Card>
    </>
  );
}
