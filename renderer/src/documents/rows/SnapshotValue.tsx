import { Typography } from 'antd';

/** A value copied from the incubator record or the agency profile: shown, edited in its own record. */
export function SnapshotValue({ label, text }: { label: string; text: string }) {
  return (
    <div style={{ marginBottom: 14 }}>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
        {label}
      </Typography.Text>
      <Typography.Text>{text || '（未填写）'}</Typography.Text>
    </div>
  );
}
