// Writes a .zip as a stream (yazl): each entry's bytes go to the file as they come, never the whole archive in
// memory, and each entry's SHA-256 is computed on the way for the archive's index. The zip is written under a
// temporary name next to the target and renamed only once complete: a cancelled or failed export (a full disk, a
// folder without write rights) leaves no half file (docs/process.md §Archive).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';

export interface WrittenEntry {
  name: string;
  size: number;
  sha256: string;
}

export class ZipFileWriter {
  private readonly zip = new ZipFile();
  private readonly part: string;
  private readonly output;
  private readonly done: Promise<void>;
  private failure: Error | null = null;
  readonly entries: WrittenEntry[] = [];

  constructor(readonly target: string) {
    this.part = `${target}.part`;
    this.output = createWriteStream(this.part);
    this.output.on('error', (e) => (this.failure ??= e));
    this.zip.outputStream.pipe(this.output);
    this.done = finished(this.output);
    // Keeps an early failure (the folder cannot be written) from being an unhandled rejection before `finish`.
    this.done.catch(() => undefined);
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  /** Adds bytes already in memory (a rendered document). */
  addBuffer(name: string, bytes: Uint8Array, mtime: Date): WrittenEntry {
    this.check();
    const entry = { name, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
    this.zip.addBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name, { mtime });
    this.entries.push(entry);
    return entry;
  }

  /**
   * Adds a stream (an attachment), hashing it as it passes; resolves once it has been read. `compress: false` stores
   * it as it is (photos, PDF, Office files are compressed already: deflating them again costs time for nothing).
   */
  async addStream(name: string, source: Readable, mtime: Date, options: { compress?: boolean } = {}): Promise<WrittenEntry> {
    this.check();
    const hash = createHash('sha256');
    let size = 0;
    const through = new PassThrough();
    source.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    source.pipe(through);
    this.zip.addReadStream(through, name, { mtime, compress: options.compress ?? true });
    await finished(source);
    const entry = { name, size, sha256: hash.digest('hex') };
    this.entries.push(entry);
    return entry;
  }

  /** Adds a file from disk as a stream. */
  addFile(name: string, path: string, mtime: Date): Promise<WrittenEntry> {
    return this.addStream(name, createReadStream(path), mtime);
  }

  /** Ends the archive and gives it its name; returns its size. */
  async finish(): Promise<number> {
    this.check();
    this.zip.end();
    try {
      await this.done;
    } catch (e) {
      await this.discard();
      throw e;
    }
    this.check();
    renameSync(this.part, this.target);
    return statSync(this.target).size;
  }

  /**
   * Stops and removes what was written (cancel, or a failure while adding). Waits for the file to be closed first:
   * the stream opens its file asynchronously, and removing it before then would let the open create it again.
   */
  async discard(): Promise<void> {
    this.zip.outputStream.unpipe(this.output);
    if (!this.output.closed) {
      const closed = new Promise<void>((resolve) => this.output.once('close', () => resolve()));
      this.output.destroy();
      await closed;
    }
    rmSync(this.part, { force: true });
  }
}
