// Every document kind of the app. Everything generic — storage tables (db/schema/document-tables.ts), the RPC
// methods (`documents.*` with a `kind`), sync registration, the editor, the exports — reads this registry.
// Adding Appendix B, C or D: write its definition in shared/forms/<appendix>/ and add one line here
// (docs/documents.md §Adding a document).
import type { DocumentDefinition } from './document-definition.js';
import { diagnosisDefinition } from './appendix-a/diagnosis-definition.js';
import { contractDefinition } from './appendix-b/contract-definition.js';
import { planDefinition } from './appendix-c/plan-definition.js';
import { evaluationDefinition } from './appendix-d/evaluation-definition.js';

export const DOCUMENT_DEFINITIONS = {
  diagnosis: diagnosisDefinition,
  contract: contractDefinition,
  plan: planDefinition,
  evaluation: evaluationDefinition,
} as const satisfies Record<string, DocumentDefinition>;

export type DocumentKind = keyof typeof DOCUMENT_DEFINITIONS;
export const DOCUMENT_KINDS = Object.keys(DOCUMENT_DEFINITIONS) as [DocumentKind, ...DocumentKind[]];

export function definitionOf(kind: DocumentKind): DocumentDefinition {
  return DOCUMENT_DEFINITIONS[kind];
}

export function isDocumentKind(value: string): value is DocumentKind {
  return Object.hasOwn(DOCUMENT_DEFINITIONS, value);
}

/** The definition whose sync entity this is (e.g. 'diagnoses' → Appendix A), if any. */
export function definitionOfEntity(entity: string): DocumentDefinition | undefined {
  return Object.values(DOCUMENT_DEFINITIONS).find((d) => d.entity === entity);
}
