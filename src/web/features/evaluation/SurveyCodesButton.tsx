import { Alert, Button, InputNumber, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api/form-errors';
import { useEvaluationActions } from './evaluation.api';

/**
 * 测评码: one-time codes printed and handed out (at a site, a village meeting) to residents who would
 * rather not give a phone number. Shown once; the server keeps only their hashes.
 */
export function SurveyCodesButton({ region, year }: { region: string; year: number }) {
  const actions = useEvaluationActions();
  const [open, setOpen] = useState(false);
  const [count, setCount] = useState(50);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const issue = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setCodes((await actions.issueCodes(region, year, count)).codes);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setOpen(false);
    setCodes(null);
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>生成群众测评码</Button>
      <Modal open={open} title="生成一次性测评码" onCancel={close} footer={null} destroyOnHidden>
        {problem && <Alert type="error" showIcon title={problem} />}
        {codes ? (
          <>
            <Alert
              type="warning"
              showIcon
              title="测评码只显示这一次，请立即复制或打印。每个测评码对每个项目可评价一次。"
            />
            <Typography.Paragraph copyable={{ text: codes.join('\n') }} className="survey-codes">
              {codes.join('  ')}
            </Typography.Paragraph>
          </>
        ) : (
          <Space>
            <InputNumber
              aria-label="数量"
              min={1}
              max={2000}
              value={count}
              onChange={(v) => setCount(v ?? 1)}
            />
            <Button type="primary" loading={busy} onClick={issue}>
              生成
            </Button>
          </Space>
        )}
      </Modal>
    </>
  );
}
