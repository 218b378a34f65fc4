// What a document kind shows above its text besides the generic editor (docs/documents.md §Adding a document, 4):
// the contract's status and reminders. Kinds without one show nothing more.
import type { ComponentType } from 'react';
import type { DocumentKind } from '../../../shared/forms/registry.js';
import { ContractLifecyclePanel } from './kinds/ContractLifecyclePanel.js';
import { ContractSearchBar } from './kinds/ContractSearchBar.js';

export const KIND_PANELS: Partial<Record<DocumentKind, ComponentType<{ id: string; onRenewed: (successorId: string) => void }>>> = {
  contract: ContractLifecyclePanel,
};

/** A kind's own search over its list: it reports the ids it found (null: no search, show all). */
export const KIND_LIST_SEARCH: Partial<Record<DocumentKind, ComponentType<{ onFound: (ids: Set<string> | null) => void; refresh: unknown }>>> = {
  contract: ContractSearchBar,
};
