import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../navigation/router.js';
import { beforeOpeningRecord, type RecordParent, recordPath } from '../navigation/record-links.js';

interface Props {
  entity: string;
  rowId: string;
  /** The record it lives in, for a row opened inside another (a project record, a stage move). */
  parent?: RecordParent | undefined;
  children: ReactNode;
}

/**
 * A link that opens a record (a real <a href="#/…">, so it reads and behaves as a link). Clicking goes through
 * the router, which remembers where the user came from: closing the record returns there. A kind no page
 * shows is plain text.
 */
export function RecordLink({ entity, rowId, parent, children }: Props) {
  const path = recordPath(entity, rowId, parent);
  if (path === null) return <span>{children}</span>;
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    beforeOpeningRecord(entity, rowId, parent);
    navigate(path);
  };
  return (
    <a href={`#${path}`} onClick={open}>
      {children}
    </a>
  );
}
