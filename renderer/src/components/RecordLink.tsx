import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../navigation/router.js';
import { recordPath } from '../navigation/record-links.js';

interface Props {
  entity: string;
  rowId: string;
  children: ReactNode;
}

/**
 * A link that opens a record (a real <a href="#/…">, so it reads and behaves as a link). Clicking goes through
 * the router, which remembers where the user came from: closing the record returns there. A kind no page
 * shows is plain text.
 */
export function RecordLink({ entity, rowId, children }: Props) {
  const path = recordPath(entity, rowId);
  if (path === null) return <span>{children}</span>;
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    navigate(path);
  };
  return (
    <a href={`#${path}`} onClick={open}>
      {children}
    </a>
  );
}
