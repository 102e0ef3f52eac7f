import { CopyOutlined, FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import type { ReactNode } from 'react';

/** The take-away buttons every generated document has: Word, Excel, and its text to paste elsewhere. */
export function DocumentActions(props: {
  docxUrl: string;
  xlsxUrl: string;
  /** The Markdown text, once loaded; copying is disabled until then. */
  text?: string;
  /** What was copied, for the confirmation: 通报文字, 报告文字 … */
  what: string;
  children?: ReactNode;
}) {
  const { message } = App.useApp();
  const copy = async () => {
    if (!props.text) return;
    try {
      await navigator.clipboard.writeText(props.text);
      message.success(`${props.what}已复制`);
    } catch {
      message.error('无法复制，请下载 Word 文件');
    }
  };
  return (
    <Space wrap className="toolbar-actions">
      <Button icon={<FileWordOutlined />} href={props.docxUrl} download>
        下载 Word
      </Button>
      <Button icon={<FileExcelOutlined />} href={props.xlsxUrl} download>
        下载 Excel
      </Button>
      <Button icon={<CopyOutlined />} onClick={copy} disabled={!props.text}>
        复制文字
      </Button>
      {props.children}
    </Space>
  );
}
