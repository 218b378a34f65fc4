// One layout row in the editor. Exhaustive over the row kinds: a new kind fails the typecheck here until it has a
// form layout (docs/documents.md §Row kinds); each kind's component is its own file.
import { assertNever } from '../../../../shared/forms/field-definition.js';
import type { LayoutRow } from '../../../../shared/forms/layout.js';
import { PairRow } from './PairRow.js';
import { OfWhichRow } from './OfWhichRow.js';
import { TextRow } from './TextRow.js';
import { ChoiceOfTwoRow } from './ChoiceOfTwoRow.js';
import { SentenceRow } from './SentenceRow.js';
import { YesNoDetailRow } from './YesNoDetailRow.js';
import { HeadingRow } from './HeadingRow.js';
import { ListRow } from './ListRow.js';
import { ClauseRow } from './ClauseRow.js';
import { ImageRow } from './ImageRow.js';
import { CompareRow } from './CompareRow.js';

export function LayoutRowView({ row }: { row: LayoutRow }) {
  switch (row.kind) {
    case 'pair':
      return <PairRow row={row} />;
    case 'of-which':
      return <OfWhichRow row={row} />;
    case 'text':
      return <TextRow row={row} />;
    case 'choice-of-two':
      return <ChoiceOfTwoRow row={row} />;
    case 'sentence':
      return <SentenceRow row={row} />;
    case 'yesno-detail':
      return <YesNoDetailRow row={row} />;
    case 'heading':
      return <HeadingRow row={row} />;
    case 'list':
      return <ListRow row={row} />;
    case 'clause':
      return <ClauseRow row={row} />;
    case 'image':
      return <ImageRow row={row} />;
    case 'compare':
      return <CompareRow row={row} />;
    default:
      return assertNever(row);
  }
}
