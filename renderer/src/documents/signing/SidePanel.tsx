// One side of the signing dialog: how it signs (drawn on screen, chosen images, or on paper later), who signs,
// and the drawing or the chosen images with their messages next to them.
import { Card, Input, Radio, Space, Typography } from 'antd';
import type { PreparedImage, SideSignMethod } from '../../../../shared/domain/side-signature.js';
import type { SignatureParty } from '../../../../shared/forms/document-definition.js';
import { DrawPad, type DrawPadHandle } from './DrawPad.js';
import { ImagePicker } from './ImagePicker.js';

export interface SideDraft {
  method: SideSignMethod;
  signerName: string;
  signature: PreparedImage | null;
  seal: PreparedImage | null;
  /** Messages by what they are about: method, signerName, signature, seal. */
  errors: Partial<Record<string, string>>;
}

export const emptySide = (): SideDraft => ({ method: 'paper', signerName: '', signature: null, seal: null, errors: {} });

interface Props {
  party: SignatureParty;
  draft: SideDraft;
  onChange(next: SideDraft): void;
  onPad(handle: DrawPadHandle | null): void;
}

const METHODS: { value: SideSignMethod; label: string }[] = [
  { value: 'drawn', label: '在屏幕上手写' },
  { value: 'image', label: '选择签名或印章图片' },
  { value: 'paper', label: '纸质签署（稍后上传扫描件）' },
];

export function SidePanel({ party, draft, onChange, onPad }: Props) {
  const id = (what: string) => `sign-${party.key}-${what}`;
  const error = (what: string) =>
    draft.errors[what] ? (
      <div>
        <Typography.Text id={id(`${what}-help`)} type="danger">
          {draft.errors[what]}
        </Typography.Text>
      </div>
    ) : null;
  const set = (patch: Partial<SideDraft>, clear: string[]) =>
    onChange({ ...draft, ...patch, errors: Object.fromEntries(Object.entries(draft.errors).filter(([k]) => !clear.includes(k))) });
  return (
    <Card size="small" title={party.label} style={{ flex: '1 1 380px', minWidth: 0 }}>
      <Space direction="vertical" style={{ width: '100%' }} size={8}>
        <Radio.Group
          aria-label={`${party.label}签署方式`}
          value={draft.method}
          onChange={(e) => set({ method: e.target.value as SideSignMethod }, ['method', 'signature', 'seal'])}
          options={METHODS}
          optionType="button"
          size="small"
        />
        {error('method')}
        {draft.method !== 'paper' && (
          <div>
            <label htmlFor={id('signerName')}>{`${party.label}签字人`}</label>
            <Input
              id={id('signerName')}
              value={draft.signerName}
              maxLength={50}
              status={draft.errors.signerName ? 'error' : undefined}
              aria-describedby={draft.errors.signerName ? id('signerName-help') : undefined}
              onChange={(e) => set({ signerName: e.target.value }, ['signerName'])}
            />
            {error('signerName')}
          </div>
        )}
        {draft.method === 'drawn' && (
          <div>
            <DrawPad
              label={`${party.label}手写签名`}
              invalid={Boolean(draft.errors.signature)}
              describedBy={draft.errors.signature ? id('signature-help') : undefined}
              onReady={onPad}
              onChange={() => draft.errors.signature && set({}, ['signature'])}
            />
            {error('signature')}
          </div>
        )}
        {draft.method === 'image' && (
          <>
            <ImagePicker
              label={`${party.label}签名图片`}
              source="scan"
              value={draft.signature}
              error={draft.errors.signature}
              onChange={(signature, message) => onChange({ ...draft, signature, errors: { ...draft.errors, signature: message ?? undefined } })}
            />
            <ImagePicker
              label={`${party.label}印章图片`}
              source="seal"
              value={draft.seal}
              error={draft.errors.seal}
              onChange={(seal, message) => onChange({ ...draft, seal, errors: { ...draft.errors, seal: message ?? undefined } })}
            />
          </>
        )}
        {draft.method === 'paper' && <Typography.Text type="secondary">签署后可在签署栏上传已签字盖章页面的扫描件，并填写签署日期。</Typography.Text>}
      </Space>
    </Card>
  );
}
