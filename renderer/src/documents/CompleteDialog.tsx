import { Button, Modal, Space, Typography } from 'antd';

interface Props {
  open: boolean;
  changed: string[];
  onChoose(header: 'latest' | 'copy'): void;
  onCancel(): void;
}

/** Completing a draft whose incubator record changed since it was made: which header to keep is asked, never assumed. */
export function CompleteDialog({ open, changed, onChoose, onCancel }: Props) {
  return (
    <Modal
      title="完成前请确认档案信息"
      open={open}
      onCancel={onCancel}
      footer={
        <Space>
          <Button onClick={onCancel}>取消</Button>
          <Button onClick={() => onChoose('copy')}>保留表中的档案信息并完成</Button>
          <Button type="primary" onClick={() => onChoose('latest')}>
            采用最新档案并完成
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>孵化器档案在本表建立后有修改：{changed.map((c) => `「${c}」`).join('、')}。</Typography.Paragraph>
      <Typography.Paragraph type="secondary">完成后，本表保存所选档案信息的副本；此后档案再有修改，也不会改变本表。</Typography.Paragraph>
    </Modal>
  );
}
