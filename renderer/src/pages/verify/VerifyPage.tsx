// 校验文件: whether a Word file, or a printed page's 校验码 … · 第 N 版, is a signed document of this workbench
// (docs/check-code.md). The file goes to the backend over the RPC; the verdict or the problem shows next to the
// field it is about.
import { useRef, useState } from 'react';
import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { VERIFY_FILE_MAX_BYTES, type VerifyVerdict } from '../../../../shared/contract/verify-contract.js';
import { call, errorMessage } from '../../api/client.js';
import { fileToBase64 } from './file-base64.js';
import { VerdictView } from './VerdictView.js';

type Shown = Exclude<VerifyVerdict, { outcome: 'typo' }>;

function FileCheck() {
  const input = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (file: File) => {
    setFileName(file.name);
    setVerdict(null);
    setProblem(null);
    if (file.size > VERIFY_FILE_MAX_BYTES) {
      setProblem(`文件太大（超过 ${VERIFY_FILE_MAX_BYTES / 1024 / 1024} MB），不是工作台导出的 Word 文件。`);
      return;
    }
    setBusy(true);
    try {
      const v = await call('verify.file', { base64: await fileToBase64(file) });
      if (v.outcome === 'typo') setProblem(v.message);
      else setVerdict(v);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="打开 Word 文件" size="small">
      <Form layout="vertical">
        <Form.Item
          label="从工作台导出的 Word 文件（.docx）"
          htmlFor="verify-file"
          validateStatus={problem ? 'error' : undefined}
          help={<span id="verify-file-help">{problem ?? (fileName ? `已选择：${fileName}` : '比对文件的内容与工作台中签署的版本：导出后改过一个字也不会相符。')}</span>}
        >
          <Button icon={<FileWordOutlined />} loading={busy} onClick={() => input.current?.click()}>
            选择文件…
          </Button>
          <input
            id="verify-file"
            ref={input}
            type="file"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-label="选择要校验的 Word 文件"
            aria-invalid={problem ? true : undefined}
            aria-describedby="verify-file-help"
            style={{ display: 'none' }}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void check(f);
              e.target.value = '';
            }}
          />
        </Form.Item>
      </Form>
      {verdict && (
        <section aria-label="文件校验结果">
          <VerdictView verdict={verdict} />
        </section>
      )}
    </Card>
  );
}

function CodeCheck() {
  const [code, setCode] = useState('');
  const [revision, setRevision] = useState('');
  const [problem, setProblem] = useState<{ field: 'code' | 'revision'; message: string } | null>(null);
  const [verdict, setVerdict] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async () => {
    setVerdict(null);
    setProblem(null);
    setBusy(true);
    try {
      const v = await call('verify.code', { code, ...(revision.trim() ? { revision } : {}) });
      if (v.outcome === 'typo') setProblem({ field: v.field, message: v.message });
      else setVerdict(v);
    } catch (e) {
      setProblem({ field: 'code', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  const status = (field: 'code' | 'revision') => (problem?.field === field ? ('error' as const) : undefined);
  // The help line is the field's description (a screen reader reads the problem with the field).
  const helpText = (field: 'code' | 'revision', hint: string) => <span id={`verify-${field}-help`}>{problem?.field === field ? problem.message : hint}</span>;
  const fieldState = (field: 'code' | 'revision') => ({ 'aria-describedby': `verify-${field}-help`, 'aria-invalid': problem?.field === field ? true : undefined });

  return (
    <Card title="输入纸面上的校验码" size="small">
      <Form layout="vertical" onFinish={() => void check()}>
        <Space wrap align="start">
          <Form.Item label="校验码" htmlFor="verify-code" style={{ width: 360 }} validateStatus={status('code')} help={helpText('code', '页脚「校验码 … · 第 N 版」，可整行粘贴')}>
            <Input id="verify-code" {...fieldState('code')} value={code} maxLength={200} placeholder="如 3F2A-91C0-7B4D" onChange={(e) => setCode(e.target.value)} />
          </Form.Item>
          <Form.Item label="版本号" htmlFor="verify-revision" style={{ width: 160 }} validateStatus={status('revision')} help={helpText('revision', '「第 N 版」中的 N')}>
            <Input id="verify-revision" {...fieldState('revision')} value={revision} maxLength={20} placeholder="如 2" onChange={(e) => setRevision(e.target.value)} />
          </Form.Item>
        </Space>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            校验此码
          </Button>
        </Form.Item>
      </Form>
      {verdict && (
        <section aria-label="校验码校验结果" style={{ marginTop: 12 }}>
          <VerdictView verdict={verdict} />
        </section>
      )}
    </Card>
  );
}

export function VerifyPage() {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 900 }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        已签署文档导出的 Word 文件每页页脚印有「校验码 … · 第 N 版」。打开收到的文件，或输入纸面上的校验码，可确认它是否为工作台中签署的版本。
      </Typography.Paragraph>
      <FileCheck />
      <CodeCheck />
    </Space>
  );
}
