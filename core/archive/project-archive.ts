// A project's archive (T/GXAS 453-2023 §5.2.6 b, §4.2.3.2; docs/process.md §Archive): every document of the
// project in Word and Excel (every revision: the archive keeps what was signed and what superseded it), its
// records and stage history in one workbook, and an index listing each file with its date and SHA-256, as one .zip
// named after the incubator and the project, written as a stream with progress.
import { AppError } from '../../shared/rpc/result.js';
import { definitionOf } from '../../shared/forms/registry.js';
import { formatStoredValue } from '../../shared/forms/format-values.js';
import { safeFileName } from '../../shared/forms/file-name.js';
import { RECORD_DEFINITIONS, RECORD_KINDS } from '../../shared/process/record-kinds.js';
import { STAGE_INFO } from '../../shared/process/stages.js';
import type { ProjectContent, ProjectView } from '../../shared/contract/projects-contract.js';
import { getDocument } from '../../db/repositories/document-repository.js';
import type { Executor } from '../../db/database.js';
import { exportDocumentFile } from '../services/document-export-service.js';
import { projectView } from '../services/project-service.js';
import { ZipFileWriter } from './zip-file-writer.js';
import { blobSlices } from '../../db/repositories/sync-state-repository.js';
import { type Attachment, attachmentsOf } from '../../shared/process/attachments.js';
import { Readable } from 'node:stream';

export interface ArchiveProgress {
  done: number;
  total: number;
  /** The file being written. */
  current: string;
}

export interface ArchiveOptions {
  now: Date;
  onProgress?: (p: ArchiveProgress) => void;
  signal?: AbortSignal;
}

export interface IndexLine {
  file: string;
  content: string;
  date: string;
  size: number;
  sha256: string;
}

export interface ArchiveResult {
  path: string;
  size: number;
  index: IndexLine[];
}

export const INDEX_FILE = '归档清单.csv';

/** The archive's file name: the incubator and the project (「南宁…孵化器-2025年度…-培育项目档案.zip」). */
export function archiveFileName(view: Pick<ProjectView, 'incubatorName' | 'name'>): string {
  return `${safeFileName(`${view.incubatorName}-${view.name}-培育项目档案`, '培育项目档案')}.zip`;
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The index as CSV with a BOM (Excel and WPS open it as UTF-8, Chinese intact). */
export function indexCsv(lines: readonly IndexLine[]): Uint8Array {
  const rows = [['序号', '文件', '内容', '日期', '大小（字节）', 'SHA-256'], ...lines.map((l, i) => [i + 1, l.file, l.content, l.date, l.size, l.sha256])];
  return new TextEncoder().encode(`\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`);
}

/** The project's records, one sheet per kind of the standard, and its stage history. */
async function recordsWorkbook(view: ProjectContent): Promise<Uint8Array> {
  const { renderTableWorkbook } = await import('../../templates/xlsx/table-workbook.js');
  const sheets = RECORD_KINDS.map((kind) => {
    const def = RECORD_DEFINITIONS[kind];
    const records = view.records.filter((r) => r.kind === kind).sort((a, b) => String(a.values[def.dateField] ?? '').localeCompare(String(b.values[def.dateField] ?? '')));
    return {
      name: def.title,
      title: `${view.incubatorName} · ${def.title}（T/GXAS 453-2023 ${def.clause}）`,
      columns: def.fields.map((f) => ({ header: f.label, width: f.type === 'longtext' ? 36 : f.type === 'date' ? 15 : 14 })),
      rows: records.map((r) => def.fields.map((f) => formatStoredValue(f, r.values[f.key] ?? null))),
    };
  });
  const moves = {
    name: '阶段变更记录',
    title: `${view.incubatorName} · ${view.name} · 阶段变更记录`,
    columns: [
      { header: '日期', width: 15 },
      { header: '原阶段', width: 16 },
      { header: '进入阶段', width: 16 },
      { header: '是否按顺序', width: 12 },
      { header: '原因', width: 40 },
    ],
    rows: view.moves.map((m) => [m.date, m.from ? STAGE_INFO[m.from].title : '（新建项目）', STAGE_INFO[m.to].title, m.outOfOrder ? '否' : '是', m.reason]),
  };
  return renderTableWorkbook([moves, ...sheets], `${view.incubatorName} · ${view.name}`);
}

function latestDate(view: ProjectContent): string {
  const dates = view.records.map((r) => String(r.values[RECORD_DEFINITIONS[r.kind].dateField] ?? '')).filter(Boolean);
  return [view.startedOn, ...dates, ...view.moves.map((m) => m.date)].sort().at(-1)!;
}

interface AttachmentEntry {
  attachment: Attachment;
  folder: string;
  date: string;
  content: string;
}

/** Every record's attachments, by kind in the standard's order and by the record's date. */
function attachmentEntries(view: ProjectContent): AttachmentEntry[] {
  return RECORD_KINDS.flatMap((kind) => {
    const def = RECORD_DEFINITIONS[kind];
    const dateOf = (r: ProjectView['records'][number]) => String(r.values[def.dateField] ?? '') || r.updatedAt.slice(0, 10);
    return view.records
      .filter((r) => r.kind === kind)
      .sort((a, b) => dateOf(a).localeCompare(dateOf(b)))
      .flatMap((r) =>
        attachmentsOf(r.values).map((attachment) => ({
          attachment,
          folder: def.title,
          date: dateOf(r),
          content: `${def.title}「${String(r.values[def.titleField] ?? '').slice(0, 30)}」的附件`,
        })),
      );
  });
}

/** An attachment is read from the blob store and written to the zip in slices of this size. */
const SLICE_BYTES = 1024 * 1024;

/**
 * Writes the archive of project `projectId` to `target`. Cancelling (`signal`) or a failure leaves nothing at
 * `target` and no temporary file; a full disk says so.
 */
export async function writeProjectArchive(db: Executor, projectId: string, target: string, options: ArchiveOptions): Promise<ArchiveResult> {
  const view = projectView(db, projectId);
  const documents = view.documents.flatMap((d) => {
    const record = getDocument(db, d.kind, d.id);
    return record ? [{ record, date: d.date ?? record.updatedAt.slice(0, 10), revision: d.revision }] : [];
  });
  const attachments = attachmentEntries(view);
  const total = documents.length * 2 + attachments.length + 2;
  let done = 0;
  const progress = (current: string) => options.onProgress?.({ done, total, current });
  const zip = new ZipFileWriter(target);
  const index: IndexLine[] = [];
  const used = new Set<string>();
  const unique = (name: string) => {
    let candidate = name;
    for (let n = 2; used.has(candidate); n++) candidate = name.replace(/(\.[A-Za-z0-9]+)?$/, `（${n}）$1`);
    used.add(candidate);
    return candidate;
  };
  try {
    // Attachments first, while the process is small: rendering the documents grows the heap, and each blob read
    // is garbage until the next collection (bench/project-archive.bench.ts). The index lists them after the records.
    const attached: IndexLine[] = [];
    for (const a of attachments) {
      if (options.signal?.aborted) throw new AppError('conflict', '已取消导出档案，未留下文件。');
      const name = unique(`附件/${a.folder}/${safeFileName(`${a.date}-${a.attachment.name}`, `${a.date}-附件`)}`);
      progress(name);
      // One slice in memory at a time, never the whole blob: read from the blob store slice by slice, streamed into
      // the zip, awaited before the next attachment. highWaterMark 1: an object stream would read 16 slices ahead.
      const bytes = blobSlices(db, a.attachment.sha256, SLICE_BYTES);
      if (!bytes) throw new AppError('conflict', `附件「${a.attachment.name}」的文件不在本机（尚未同步下来），请同步后再导出档案。`);
      const entry = await zip.addStream(name, Readable.from(bytes, { highWaterMark: 1 }), options.now, { compress: false });
      attached.push({ file: name, content: a.content, date: a.date, size: entry.size, sha256: entry.sha256 });
      done++;
    }
    for (const { record, date, revision } of documents) {
      for (const format of ['docx', 'xlsx'] as const) {
        if (options.signal?.aborted) throw new AppError('conflict', '已取消导出档案，未留下文件。');
        const def = definitionOf(record.kind);
        // A draft is archived as it is, marked 「草稿」 on every page (never passed off as final).
        // Charts rasterised on this thread: memory resvg frees is reused by the next document (RasterThread).
        const file = await exportDocumentFile(db, record, format, true, 'main');
        const name = unique(`文档/${file.fileName}`);
        progress(name);
        const entry = zip.addBuffer(name, file.bytes, options.now);
        index.push({ file: name, content: `${def.shortName}${revision > 1 ? `（第 ${revision} 版）` : ''}（${format === 'docx' ? 'Word' : 'Excel'}）`, date, size: entry.size, sha256: entry.sha256 });
        done++;
      }
    }
    if (options.signal?.aborted) throw new AppError('conflict', '已取消导出档案，未留下文件。');
    const recordsName = '记录/项目记录与阶段变更.xlsx';
    progress(recordsName);
    const records = zip.addBuffer(recordsName, await recordsWorkbook(view), options.now);
    index.push({ file: recordsName, content: `项目记录（${view.records.length} 条）与阶段变更记录（${view.moves.length} 条）`, date: latestDate(view), size: records.size, sha256: records.sha256 });
    done++;
    index.push(...attached);
    progress(INDEX_FILE);
    zip.addBuffer(INDEX_FILE, indexCsv(index), options.now);
    done++;
    const size = await zip.finish();
    progress('');
    return { path: target, size, index };
  } catch (e) {
    await zip.discard();
    throw e;
  }
}
