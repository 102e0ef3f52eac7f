import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Modal } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * The address a deputy's phone opens from the QR code: the portal's ballot page with the token after
 * '#', so it never reaches the server in a request line or an access log.
 */
export function ballotUrl(token: string): string {
  return `${window.location.origin}/portal/vote#${token.replace(/-/g, '')}`;
}

/** A QR code drawn as SVG in the browser: the token never leaves the page to be rendered. */
export function QrImage({ text, label, size = 220 }: { text: string; label: string; size?: number }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }).then((s) => {
      if (live) setSvg(s);
    });
    return () => {
      live = false;
    };
  }, [text]);
  if (!svg) return <div style={{ width: size, height: size }} />;
  return (
    <img
      className="qr-image"
      src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`}
      alt={label}
      width={size}
      height={size}
    />
  );
}

/** Shown once after an electronic check-in: the deputy scans it with their phone. */
export function TokenModal(props: { name: string; delegation: string; token: string; onClose: () => void }) {
  return (
    <Modal
      open
      title={`${props.delegation} ${props.name} 的选票`}
      onCancel={props.onClose}
      footer={
        <Button type="primary" onClick={props.onClose}>
          代表已扫码，关闭
        </Button>
      }
      width={420}
    >
      <div className="token-view">
        <QrImage text={ballotUrl(props.token)} label="选票二维码" />
        <p>请代表用手机扫描二维码进入投票页面，或在 /portal/vote 输入凭证码：</p>
        <output className="token-code" aria-label="选票凭证码">
          {props.token}
        </output>
        <Alert
          type="warning"
          showIcon
          title="凭证只显示这一次，系统不保存凭证与代表的对应关系。关闭后无法再次查看。"
        />
      </div>
    </Modal>
  );
}

/** 打印票条: one slip per token with its QR code and the code, cut apart after printing. */
export function SlipSheet(props: { title: string; tokens: string[]; onClose: () => void }) {
  return (
    <Modal
      open
      title={`二维码票条（${props.tokens.length} 张）`}
      onCancel={props.onClose}
      width={860}
      footer={[
        <Button key="close" onClick={props.onClose}>
          关闭
        </Button>,
        <Button key="print" type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>,
      ]}
    >
      <Alert
        className="page-alert"
        type="warning"
        showIcon
        title="票条只生成这一次：请立即打印并妥善保管，签到时每位代表领取一张。"
      />
      <section className="slip-sheet" aria-label="票条">
        {props.tokens.map((t, i) => (
          <article key={t} className="slip">
            <QrImage text={ballotUrl(t)} label={`票条 ${i + 1} 二维码`} size={128} />
            <div>
              <div className="slip-title">{props.title}</div>
              <div className="slip-hint">扫码投票，或在 /portal/vote 输入凭证码</div>
              <code className="slip-code">{t}</code>
              <div className="slip-no">第 {i + 1} 张 · 一次有效</div>
            </div>
          </article>
        ))}
      </section>
    </Modal>
  );
}
