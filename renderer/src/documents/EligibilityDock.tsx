import { useState, type ReactNode } from 'react';
import { Button, Col, Drawer, Grid, Row } from 'antd';
import { countsLine, type EligibilityResult } from '../../../shared/eligibility/evaluate.js';

interface Props {
  result: EligibilityResult | null;
  panel: ReactNode;
  children: ReactNode;
}

/**
 * The eligibility panel beside the form, sticky, from 1200 px up; below that a button above the form opens it in a
 * drawer — it never drops below a long form where nobody would see it (1024×700 included).
 */
export function EligibilityDock({ result, panel, children }: Props) {
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  if (!result) return <>{children}</>;
  if (screens.xl) {
    return (
      <Row gutter={16} align="top" wrap={false}>
        <Col flex="auto" style={{ minWidth: 0 }}>
          {children}
        </Col>
        <Col flex="380px">
          <div style={{ position: 'sticky', top: 16, maxHeight: 'calc(100vh - 32px)', overflowY: 'auto' }}>{panel}</div>
        </Col>
      </Row>
    );
  }
  return (
    <>
      <Button style={{ marginBottom: 12 }} onClick={() => setOpen(true)} aria-haspopup="dialog">
        认定条件对照（{countsLine(result.counts)}）
      </Button>
      {children}
      <Drawer title="认定条件对照" open={open} onClose={() => setOpen(false)} size="large">
        {panel}
      </Drawer>
    </>
  );
}
