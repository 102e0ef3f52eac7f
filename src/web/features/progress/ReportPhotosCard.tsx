import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Image } from 'antd';
import { useRef } from 'react';
import type { Photo } from './progress.api';

/** The report's site photos: taken with the phone's camera or picked, previewed, removed while editable. */
export function ReportPhotosCard({
  photos,
  editable,
  uploading,
  onUpload,
  onRemove,
}: {
  photos: Photo[];
  editable: boolean;
  uploading: boolean;
  onUpload: (files: File[]) => Promise<void>;
  onRemove: (photoId: string) => void;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const picked = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    await onUpload(Array.from(files));
    // The same photo may be picked again after a failed upload.
    if (fileInput.current) fileInput.current.value = '';
  };
  return (
    <Card size="small" title="现场照片" className="report-section">
      {photos.length > 0 && (
        <div className="report-photos editable">
          <Image.PreviewGroup>
            {photos.map((p, i) => (
              <div key={p.id} className="report-photo-item">
                <Image
                  src={p.url}
                  width={96}
                  height={96}
                  alt={`现场照片 ${i + 1}`}
                  style={{ objectFit: 'cover' }}
                />
                {editable && (
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`删除现场照片 ${i + 1}`}
                    onClick={() => onRemove(p.id)}
                  />
                )}
              </div>
            ))}
          </Image.PreviewGroup>
        </div>
      )}
      {editable && (
        <>
          <input
            ref={fileInput}
            id="report-photo-input"
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            className="visually-hidden"
            aria-label="选择现场照片"
            onChange={(e) => picked(e.target.files)}
          />
          <Button
            size="large"
            block
            icon={<CameraOutlined />}
            loading={uploading}
            onClick={() => fileInput.current?.click()}
          >
            拍照或选择照片
          </Button>
          <p className="muted photo-note">JPEG、PNG 或 WebP，每张不超过 5 MB；上传时自动去除位置信息。</p>
        </>
      )}
    </Card>
  );
}
