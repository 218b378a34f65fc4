// The common header of Appendix A and D (T/GXAS 453-2023 表A.1, 表D.1), as the standard's tables lay it out. Its values are the
// incubator record's, copied into the document when it is completed (`header` refs read the copy).
import type { IncubatorField } from '../domain/incubator.js';
import { type LayoutRow, snapshotRef } from './layout.js';

const h = (key: IncubatorField) => snapshotRef('header', key);

export const commonHeaderRows: readonly LayoutRow<never, never>[] = [
  { kind: 'pair', items: [h('name')] },
  { kind: 'pair', items: [h('operator'), h('creditCode')] },
  { kind: 'pair', items: [h('registeredOn'), h('operatingSince')] },
  { kind: 'pair', items: [h('legalRep'), h('registeredCapital')] },
  { kind: 'pair', items: [h('registeredAddress')] },
  { kind: 'pair', items: [h('orgNature')] },
  { kind: 'pair', items: [h('incubatorType'), h('industry')] },
  { kind: 'pair', items: [h('reportedTorchStats')], wide: true },
  { kind: 'pair', items: [h('contactName'), h('contactMobile')] },
];
