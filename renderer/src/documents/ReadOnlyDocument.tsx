// A completed or signed document as a readable page (7.8), laid out like its printed table: the same printed
// text as the Word file (shared/forms/print-cells.ts), not greyed-out inputs. Exhaustive over the row kinds.
import type { CSSProperties, ReactNode } from 'react';
import { Typography } from 'antd';
import { assertNever } from '../../../shared/forms/field-definition.js';
import { findField } from '../../../shared/forms/document-definition.js';
import type { DocumentModel } from '../../../shared/forms/document-model.js';
import type { LayoutRow, ValueRef } from '../../../shared/forms/layout.js';
import { snapshotField, snapshotOf } from '../../../shared/forms/snapshot-fields.js';
import {
  clauseLine,
  compareCells,
  compositeLines,
  itemCells,
  itemNumber,
  listTotalText,
  printLabel,
  printValue,
  rowLabel,
} from '../../../shared/forms/print-cells.js';
import { sideLineText, sideOf } from '../../../shared/forms/signature-print.js';

const cell: CSSProperties = { border: '1px solid #bfbfbf', padding: '6px 8px', verticalAlign: 'middle' };
const labelCell: CSSProperties = { ...cell, background: '#fafafa', textAlign: 'center', width: '25%' };
const valueCell: CSSProperties = { ...cell, whiteSpace: 'pre-wrap', wordBreak: 'break-word' };
/** A 信用代码, a date or a phone number never wraps on screen either; other values wrap. */
const NO_WRAP = new Set(['uscc', 'date', 'month', 'mobile', 'telephone']);
function PairValue({ model, item }: { model: DocumentModel; item: ValueRef }) {
  const snapshot = snapshotOf(item.source);
  const field = snapshot ? snapshotField(snapshot, item.key) : item.source === 'values' ? findField(model.def, item.key) : undefined;
  const text = printValue(model, item);
  return <Value>{field && NO_WRAP.has(field.type) ? <span style={{ whiteSpace: 'nowrap' }}>{text}</span> : text}</Value>;
}

function Label({ children, colSpan, rowSpan }: { children: ReactNode; colSpan?: number; rowSpan?: number }) {
  return (
    <th scope="row" style={labelCell} colSpan={colSpan} rowSpan={rowSpan}>
      {children}
    </th>
  );
}

function Value({ children, colSpan }: { children: ReactNode; colSpan?: number }) {
  return (
    <td style={valueCell} colSpan={colSpan}>
      {children}
    </td>
  );
}

function rows(model: DocumentModel, row: LayoutRow, key: string): ReactNode {
  switch (row.kind) {
    case 'pair': {
      const [a, b] = row.items;
      if (!b) {
        return (
          <tr key={key}>
            <Label colSpan={row.wide ? 2 : 1}>{printLabel(model, a)}</Label>
            <Value colSpan={row.wide ? 2 : 3}>{printValue(model, a)}</Value>
          </tr>
        );
      }
      return (
        <tr key={key}>
          <Label>{printLabel(model, a)}</Label>
          <PairValue model={model} item={a} />
          <Label>{printLabel(model, b)}</Label>
          <PairValue model={model} item={b} />
        </tr>
      );
    }
    case 'of-which':
      return row.items.map((item, i) => (
        <tr key={`${key}-${i}`}>
          {i === 0 && <Label rowSpan={row.items.length}>{row.caption}</Label>}
          <Label>{printLabel(model, item)}</Label>
          <Value colSpan={2}>{printValue(model, item)}</Value>
        </tr>
      ));
    case 'text':
    case 'choice-of-two':
    case 'sentence':
    case 'yesno-detail':
      return (
        <tr key={key}>
          <Label>{rowLabel(model, row)}</Label>
          <Value colSpan={3}>{compositeLines(model, row).join('\n')}</Value>
        </tr>
      );
    case 'heading':
      if (row.columns) {
        return (
          <tr key={key}>
            <Label colSpan={2}>{row.text}</Label>
            <Label>{row.columns[0]}</Label>
            <Label>{row.columns[1]}</Label>
          </tr>
        );
      }
      return (
        <tr key={key}>
          <th colSpan={4} style={{ ...cell, textAlign: 'left', background: '#f2f2f2' }}>
            {row.text}
          </th>
        </tr>
      );
    case 'list': {
      const list = model.def.lists.find((l) => l.key === row.list);
      if (!list) return null;
      const items = model.check.lists[list.key] ?? [];
      return (
        <tr key={key}>
          <Label>{list.label}</Label>
          <Value colSpan={3}>
            {items.length === 0 ? '（无）' : items.map((item, n) => <div key={item.id} style={{ whiteSpace: 'pre-wrap' }}>{`${itemNumber(list, n, item)} ${itemCells(model, list, item).filter(Boolean).join('，')}`}</div>)}
            {list.total && <div>{`${list.total.label}：${listTotalText(model, list)}`}</div>}
          </Value>
        </tr>
      );
    }
    case 'clause':
      return (
        <tr key={key}>
          <Value colSpan={4}>{clauseLine(model, row.label ? `${row.label}：${row.text}` : row.text)}</Value>
        </tr>
      );
    case 'image':
      return (
        <tr key={key}>
          <Label>{row.caption}</Label>
          <Value colSpan={3}>{model.images[row.image] ? '（见导出文件）' : '（图表尚未生成）'}</Value>
        </tr>
      );
    case 'compare': {
      const [before, after] = compareCells(model, row);
      return (
        <tr key={key}>
          <Value colSpan={2}>{row.label}</Value>
          <Value>{before}</Value>
          <Value>{after}</Value>
        </tr>
      );
    }
    default:
      return assertNever(row);
  }
}

/** `partyExtra`: shown under each side of the signature block (a signed document's signatures, SideSignatureBlock). */
export function ReadOnlyDocument({ model, partyExtra }: { model: DocumentModel; partyExtra?: (partyKey: string) => ReactNode }) {
  const def = model.def;
  return (
    <article aria-label={`${def.tableNumber} ${def.title}`} style={{ background: '#fff', padding: '24px 28px', border: '1px solid #e8e8e8' }}>
      {/* What the Word file prints in the header of every page: the revision and its date. */}
      {model.revisionLine && (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'right', fontSize: 12, marginBottom: 4 }}>
          {model.revisionLine}
        </Typography.Paragraph>
      )}
      <Typography.Title level={4} style={{ textAlign: 'center', marginBottom: 4 }}>
        {def.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {def.tableNumber} {def.title}
      </Typography.Paragraph>
      {model.revisionNote && <Typography.Paragraph>{model.revisionNote}</Typography.Paragraph>}
      <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
        <tbody>
          {def.headerRows.map((r, i) => rows(model, r, `h${i}`))}
          {def.sections.flatMap((s) => s.rows.map((r, i) => rows(model, r, `${s.key}${i}`)))}
        </tbody>
      </table>
      {def.footnotes.map((n) => (
        <Typography.Paragraph key={n} type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
          {n}
        </Typography.Paragraph>
      ))}
      {def.signatureHeading && (
        <Typography.Paragraph strong style={{ marginTop: 16, marginBottom: 0 }}>
          {def.signatureHeading}
        </Typography.Paragraph>
      )}
      <div style={{ display: 'flex', gap: 32, marginTop: 16, flexWrap: 'wrap' }}>
        {def.signature.map((party) => (
          <div key={party.key} style={{ flex: '1 1 240px' }}>
            {party.lines.map((line, i) => {
              const t = sideLineText(model, sideOf(model, party), line);
              return <div key={i} style={{ marginTop: line.kind === 'seal' ? 24 : 8 }}>{`${t.label}${t.value}`}</div>;
            })}
            {partyExtra?.(party.key)}
          </div>
        ))}
      </div>
    </article>
  );
}
