import type { ExportFormat, ExportedFile } from '../../shared/contract/diagnosis-contract.js';
import { buildDiagnosisModel } from '../../shared/domain/diagnosis-model.js';
import type { DiagnosisDocumentModel, DiagnosisRecord } from '../../shared/domain/diagnosis.js';
import { headerValuesOf } from '../../shared/domain/diagnosis.js';
import { formatChineseDate } from '../../shared/validation/dates.js';
import type { Executor } from '../../db/database.js';
import { getIncubator } from '../../db/repositories/incubator-repository.js';
import { readAgencyProfile } from '../../db/repositories/agency-repository.js';
import { RowNotFound } from '../../db/errors.js';
import { resolveRuleSet } from './rule-set-service.js';

export const MIME_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Checks, computes and evaluates a stored diagnosis against its rule set, with its incubator's header. */
export function diagnosisModelFor(db: Executor, record: DiagnosisRecord): DiagnosisDocumentModel {
  const incubator = getIncubator(db, record.incubatorId);
  if (!incubator) throw new RowNotFound('incubators', record.incubatorId);
  return buildDiagnosisModel({
    header: headerValuesOf(incubator),
    values: record.values,
    diagnosedOn: record.diagnosedOn,
    consultants: record.consultants,
    status: record.status,
    agencyName: readAgencyProfile(db).name,
    ruleSet: resolveRuleSet(db, record.ruleSetId),
  });
}

/** A file name that is safe on Windows, macOS and Linux, keeping the Chinese. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001F]/g, '_').replace(/\s+/g, ' ').trim();
  return cleaned.slice(0, 120) || '诊断意见表';
}

export function diagnosisFileName(model: DiagnosisDocumentModel, format: ExportFormat): string {
  const name = typeof model.header.name === 'string' && model.header.name.trim() ? model.header.name.trim() : '孵化器';
  const date = model.meta.diagnosedOn ? formatChineseDate(model.meta.diagnosedOn) : '未填日期';
  return `${safeFileName(`${name}-诊断意见表-${date}`)}.${format}`;
}

/** The layouts load on first export: docx and exceljs are about a megabyte that start-up need not parse. */
export async function renderDiagnosis(model: DiagnosisDocumentModel, format: ExportFormat): Promise<Uint8Array> {
  if (format === 'docx') return (await import('../../templates/diagnosis/diagnosis-docx.js')).renderDiagnosisDocx(model);
  return (await import('../../templates/diagnosis/diagnosis-xlsx.js')).renderDiagnosisXlsx(model);
}

export async function exportDiagnosisFile(db: Executor, record: DiagnosisRecord, format: ExportFormat): Promise<{ fileName: string; mimeType: string; bytes: Uint8Array }> {
  const model = diagnosisModelFor(db, record);
  const bytes = await renderDiagnosis(model, format);
  return { fileName: diagnosisFileName(model, format), mimeType: MIME_TYPES[format], bytes };
}

export function toExportedFile(file: { fileName: string; mimeType: string; bytes: Uint8Array }): ExportedFile {
  return { fileName: file.fileName, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64'), byteLength: file.bytes.byteLength };
}
