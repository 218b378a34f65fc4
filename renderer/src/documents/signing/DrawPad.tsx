// A canvas to sign on with the mouse, a pen or a finger (signature_pad: smooth variable-width strokes).
import { useEffect, useRef } from 'react';
import { Button, Space } from 'antd';
import SignaturePad from 'signature_pad';

export interface DrawPadHandle {
  /** The drawing as PNG base64, or null when nothing was drawn. */
  png(): string | null;
}

interface Props {
  label: string;
  invalid: boolean;
  describedBy?: string;
  onReady(handle: DrawPadHandle | null): void;
  onChange(): void;
}

const WIDTH = 360;
const HEIGHT = 140;

export function DrawPad({ label, invalid, describedBy, onReady, onChange }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  // The pad is made once per canvas; it reports to the latest callback, not the one of its first render.
  const changed = useRef(onChange);
  changed.current = onChange;
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    // Drawn at the screen's pixel density, so the stroke is sharp in the file too.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    el.width = WIDTH * ratio;
    el.height = HEIGHT * ratio;
    el.getContext('2d')?.scale(ratio, ratio);
    const p = new SignaturePad(el, { penColor: '#1a2a6c', minWidth: 1, maxWidth: 3 });
    p.addEventListener('endStroke', () => changed.current());
    pad.current = p;
    onReady({ png: () => (p.isEmpty() ? null : p.toDataURL('image/png').replace(/^data:[^,]*,/, '')) });
    return () => {
      p.off();
      onReady(null);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <Space direction="vertical" size={4}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={label}
        aria-describedby={describedBy}
        style={{ width: WIDTH, maxWidth: '100%', height: HEIGHT, border: `1px ${invalid ? 'solid #ff4d4f' : 'dashed #bfbfbf'}`, borderRadius: 6, touchAction: 'none', background: '#fff' }}
      />
      <Button
        size="small"
        aria-label={`清除${label}`}
        onClick={() => {
          pad.current?.clear();
          changed.current();
        }}
      >
        清除重写
      </Button>
    </Space>
  );
}
