import { useState } from 'react';
import { Button, Typography, Upload } from 'antd';
import {
  ATTACHMENT_ACCEPT,
  attachmentProblem,
  type Attachment,
  formatFileSize,
  MAX_ATTACHMENTS_PER_RECORD,
  tooManyAttachments,
} from '../../../../shared/process/attachments.js';
import { call, errorMessage } from '../../api/client.js';
import { fileBase64 } from '../../documents/signing/image-files.js';

interface Props {
  attachments: readonly Attachment[];
  onChange(next: Attachment[]): void;
}

/**
 * A record's 附件 (docs/process.md §Attachments): chosen files are read here and sent one at a time over the RPC
 * (never uploaded to a URL), stored by the backend; the list changes the record on 保存. Problems show next to the
 * section, naming the file.
 */
export function RecordAttachments({ attachments, onChange }: Props) {
  const [problems, setProblems] = useState<string[]>([]);
  const [adding, setAdding] = useState(0);
  // Files chosen together arrive one call each: the list they add to is the latest one, not the render's.
  const [pending] = useState<{ list: Attachment[] }>({ list: [...attachments] });
  pending.list = [...attachments];

  const add = async (file: File) => {
    const problem = attachmentProblem(file.name, file.size);
    if (problem) return setProblems((p) => [...p, problem]);
    if (pending.list.length >= MAX_ATTACHMENTS_PER_RECORD) return setProblems((p) => [...p, `「${file.name}」未添加：${tooManyAttachments}`]);
    setAdding((n) => n + 1);
    try {
      let base64: string;
      try {
        base64 = await fileBase64(file);
      } catch {
        throw new Error(`无法读取「${file.name}」，未添加。`);
      }
      const stored = await call('projects.addAttachment', { name: file.name, base64 });
      if (pending.list.some((a) => a.sha256 === stored.sha256 && a.name === stored.name)) {
        setProblems((p) => [...p, `「${file.name}」已在附件中。`]);
        return;
      }
      pending.list = [...pending.list, stored];
      onChange(pending.list);
    } catch (e) {
      setProblems((p) => [...p, errorMessage(e)]);
    } finally {
      setAdding((n) => n - 1);
    }
  };

  return (
    <section aria-label="附件" style={{ marginTop: 8 }}>
      <Typography.Title level={5}>附件</Typography.Title>
      <Typography.Paragraph type="secondary">照片（JPG、PNG 等）、PDF、Word、Excel，单个文件不超过 10 MB，每条记录最多 {MAX_ATTACHMENTS_PER_RECORD} 个；保存记录后生效。</Typography.Paragraph>
      {attachments.length > 0 && (
        <ul aria-label="附件列表" style={{ paddingLeft: 0, listStyle: 'none' }}>
          {attachments.map((a) => (
            <li key={`${a.sha256}:${a.name}`} style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 4 }}>
              <span>{a.name}</span>
              <Typography.Text type="secondary">{formatFileSize(a.size)}</Typography.Text>
              <Button size="small" type="link" danger aria-label={`移除附件「${a.name}」`} onClick={() => onChange(attachments.filter((x) => x !== a))}>
                移除
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Upload
        multiple
        accept={ATTACHMENT_ACCEPT}
        showUploadList={false}
        beforeUpload={(file, chosen) => {
          // A new choice clears the last one's messages (once, not per file of it).
          if (file === chosen[0]) setProblems([]);
          void add(file);
          return false;
        }}
      >
        <Button loading={adding > 0} aria-label="添加附件">
          添加附件
        </Button>
      </Upload>
      {problems.length > 0 && (
        <div role="alert" style={{ marginTop: 8 }}>
          {problems.map((p) => (
            <Typography.Paragraph key={p} type="danger" style={{ marginBottom: 4 }}>
              {p}
            </Typography.Paragraph>
          ))}
        </div>
      )}
    </section>
  );
}
