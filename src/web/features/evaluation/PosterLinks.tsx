import { DownloadOutlined, QrcodeOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import './poster.css';

/** A4 at 300 dpi: what a print shop asks for. */
const PNG_WIDTH = 2480;
const PNG_HEIGHT = 3508;

/**
 * Draws the poster's SVG onto a canvas and gives it back as PNG. Done in the browser on purpose:
 * the browser already has the Chinese fonts and a rasteriser, where the server would need a native
 * image library and a CJK font installed beside it for this one picture.
 */
export async function posterPng(svgUrl: string): Promise<Blob> {
  const response = await fetch(svgUrl, { credentials: 'same-origin' });
  if (!response.ok) throw new Error('海报生成失败，请稍后再试');
  const svg = await response.text();
  const image = new Image();
  image.decoding = 'async';
  // A data: address (not a blob:) keeps the canvas readable in every browser.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = PNG_WIDTH;
  canvas.height = PNG_HEIGHT;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('浏览器不支持生成图片，请下载 PDF');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, PNG_WIDTH, PNG_HEIGHT);
  context.drawImage(image, 0, 0, PNG_WIDTH, PNG_HEIGHT);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('海报生成失败'))), 'image/png'),
  );
}

/** 现场二维码海报: PDF for the office printer, PNG for a print shop or a WeChat group, SVG to edit. */
export function PosterLinks({ projectId, projectName }: { projectId: string; projectName: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const base = `/api/projects/${projectId}/poster`;

  const downloadPng = async () => {
    setBusy(true);
    try {
      const blob = await posterPng(`${base}.svg`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `${projectName.slice(0, 30)}-二维码海报.png`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (error) {
      message.error(error instanceof Error ? error.message : '海报生成失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="poster-links">
      <legend className="poster-links-title">
        <QrcodeOutlined /> 现场二维码海报（码上查 · 码上评 · 码上提）
      </legend>
      <Space wrap size={8}>
        <Button size="small" icon={<DownloadOutlined />} href={`${base}.pdf`} target="_blank">
          海报 PDF
        </Button>
        <Button size="small" icon={<DownloadOutlined />} loading={busy} onClick={downloadPng}>
          海报 PNG
        </Button>
        <Button size="small" href={`${base}.svg`} target="_blank">
          SVG
        </Button>
        <Button size="small" type="link" href={`/p/${projectId}`} target="_blank">
          公开页
        </Button>
      </Space>
    </fieldset>
  );
}
