import { closeSync, openSync, writeSync } from 'node:fs';

export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

const FLUSH_AT = 1 << 20;
// Windows-1252 text must stay within Latin-1 minus the C1 controls: code points Node's
// latin1 encoder writes byte for byte with the same meaning in Windows-1252.
const NOT_1252 = /[^\t\n\r\x20-\x7e\xa0-\xff]/;

/** Buffered, synchronous writes in the file's encoding: memory stays flat at any size. */
export class FileSink {
  private readonly fd: number;
  private chunks: string[] = [];
  private size = 0;
  bytes = 0;

  constructor(
    readonly path: string,
    private readonly encoding: FileEncoding,
  ) {
    this.fd = openSync(path, 'w');
    if (encoding === 'utf-8-bom') this.flushBuffer(Buffer.from([0xef, 0xbb, 0xbf]));
  }

  write(text: string): void {
    if (this.encoding === 'windows-1252' && NOT_1252.test(text)) {
      throw new Error(`${this.path}: text not representable in Windows-1252: ${text}`);
    }
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (!this.chunks.length) return;
    const text = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    this.flushBuffer(Buffer.from(text, this.encoding === 'windows-1252' ? 'latin1' : 'utf8'));
  }

  private flushBuffer(buffer: Buffer): void {
    let offset = 0;
    while (offset < buffer.length) offset += writeSync(this.fd, buffer, offset);
    this.bytes += buffer.length;
  }
}
