import { Alert, Modal, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * The token handed to a deputy at check-in, shown once: a QR code the deputy scans with a phone to
 * open the ballot, and the code in writing for typing it in. Closing the window forgets it; the
 * server never kept it.
 */
export function CheckInModal({
  issued,
  onClose,
}: {
  issued: { name: string; delegation: string; token: string } | null;
  onClose: () => void;
}) {
  const [image, setImage] = useState<string | null>(null);
  // After '#': the browser keeps it to itself, so the token reaches no server log (see the ballot page).
  const link = issued ? `${window.location.origin}/portal/evaluate#${issued.token}` : '';

  useEffect(() => {
    setImage(null);
    if (!link) return;
    void QRCode.toDataURL(link, { errorCorrectionLevel: 'M', margin: 2, width: 280 }).then(setImage);
  }, [link]);

  return (
    <Modal
      open={issued !== null}
      title={issued ? `${issued.delegation} ${issued.name} 已签到` : ''}
      onCancel={onClose}
      onOk={onClose}
      okText="已扫码，关闭"
      cancelButtonProps={{ style: { display: 'none' } }}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        title="请代表用手机扫描二维码进行无记名测评。凭证只显示这一次，关闭后无法再次查看。"
      />
      <div className="checkin-qr">
        {image ? <img src={image} alt="测评凭证二维码" width={280} height={280} /> : null}
      </div>
      <Typography.Paragraph className="checkin-token" copyable={{ text: link }} aria-label="测评凭证">
        {issued?.token}
      </Typography.Paragraph>
    </Modal>
  );
}
