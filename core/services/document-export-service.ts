// Word and Excel files of any document: the model from the stored record, the layout from templates/ (which takes
// the definition with the model), the file name from the definition's pattern.
import type { ExportFormat, ExportedFile } from '../../shared/contract/documents-contract.js';
import type { DocumentRecord } from '../../shared/domain/document-record.js';
import type { DocumentModel } from '../../shared/forms/document-model.js';
import { documentFileName } from '../../shared/forms/file-name.js';
import { errorsOf } from '../../shared/forms/document-check.js';
import { AppError } from '../../shared/rpc/result.js';
import type { Executor } from '../../db/database.js';
import { documentModelFor } from './document-model-service.js';
import { withFigures } from './document-figures.js';
import type { RasterThread } from '../../templates/charts/render-chart-png.js';

export const MIME_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The layouts load on first export: docx and exceljs are about a megabyte that start-up need not parse. */
export async function renderDocument(model: DocumentModel, format: ExportFormat): Promise<Uint8Array> {
  if (format === 'docx') return (await import('../../templates/docx/render-docx.js')).renderDocx(model);
  return (await import('../../templates/xlsx/render-xlsx.js')).renderXlsx(model);
}

export interface RenderedFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/**
 * Exports a stored document. A document whose data still has errors is exported only when the user agreed
 * (`allowErrors`): every page of the file then says 「草稿」 (7.4).
 */
export async function exportDocumentFile(
  db: Executor,
  record: DocumentRecord,
  format: ExportFormat,
  allowErrors: boolean,
  chartThread: RasterThread = 'pool',
): Promise<RenderedFile> {
  const model = documentModelFor(db, record);
  const errors = errorsOf(model.check);
  if (errors.length > 0 && !allowErrors) {
    throw new AppError('needs-confirmation', `还有 ${errors.length} 处数据未通过检查。仍要导出吗？导出的文件每页都会标注「草稿」，不能作为正式文件。`, {
      issues: errors,
    });
  }
  // The charts go into the Word file (a page after the table); the Excel file is the table with its formulas.
  const bytes = await renderDocument(format === 'docx' ? await withFigures(model, chartThread) : model, format);
  return { fileName: documentFileName(model.def, { header: model.header, values: model.check.normalized, revision: model.revision }, format), mimeType: MIME_TYPES[format], bytes };
}

export function toExportedFile(file: RenderedFile): ExportedFile {
  return { fileName: file.fileName, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64'), byteLength: file.bytes.byteLength };
}
