// The custom document properties every Word export carries (docProps/custom.xml), so `verify` can tell which
// document and revision of the workbench a file claims to be, and with which content hash it was signed.
// The properties are a claim, not proof: verify also compares the file's visible text (docs/check-code.md).
import { formatCheckCode } from './check-code.js';

export const FILE_PROPERTY = {
  kind: 'WorkbenchDocumentKind',
  documentId: 'WorkbenchDocumentId',
  revision: 'WorkbenchRevision',
  /** Only on a signed document's export: the full SHA-256 content hash the signature covers. */
  contentHash: 'WorkbenchContentHash',
  checkCode: 'WorkbenchCheckCode',
  signedAt: 'WorkbenchSignedAt',
} as const;

export interface FileIdentity {
  kind: string;
  documentId: string;
  revision: number;
}

export interface FileSignature {
  hash: string;
  signedAt: string;
}

/** What an export of the document writes into its custom properties. */
export function fileProperties(identity: FileIdentity, signature: FileSignature | null): Record<string, string> {
  return {
    [FILE_PROPERTY.kind]: identity.kind,
    [FILE_PROPERTY.documentId]: identity.documentId,
    [FILE_PROPERTY.revision]: String(identity.revision),
    ...(signature
      ? {
          [FILE_PROPERTY.contentHash]: signature.hash,
          [FILE_PROPERTY.checkCode]: formatCheckCode(signature.hash, identity.revision),
          [FILE_PROPERTY.signedAt]: signature.signedAt,
        }
      : {}),
  };
}

/** The identity and signature a file's properties claim; null when it carries no workbench identity. */
export function readFileProperties(props: Readonly<Record<string, string>>): { identity: FileIdentity; hash: string | null } | null {
  const kind = props[FILE_PROPERTY.kind];
  const documentId = props[FILE_PROPERTY.documentId];
  const revision = Number(props[FILE_PROPERTY.revision]);
  if (!kind || !documentId || !Number.isSafeInteger(revision) || revision < 1) return null;
  const hash = props[FILE_PROPERTY.contentHash];
  return { identity: { kind, documentId, revision }, hash: hash && /^[0-9a-f]{64}$/i.test(hash) ? hash.toLowerCase() : null };
}
