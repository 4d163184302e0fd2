const BLOCK = 512;

/** One member header of a tar archive. */
export interface TarEntry {
  /** Full path inside the archive (ustar prefix, GNU long names and pax `path` applied). */
  name: string;
  type: 'file' | 'directory' | 'other';
  size: number;
}

/** Thrown for a malformed archive; the caller adds the archive's path. */
export class TarFormatError extends Error {
  override name = 'TarFormatError';
}

/**
 * Streaming reader for POSIX ustar / GNU / pax tar data: push chunks as they arrive, and it keeps
 * the bodies of the regular files `select` accepts (nothing else is buffered). Header checksums are
 * verified; `finish()` throws when the data stops inside a member.
 */
export class TarReader {
  /** Bodies of the selected files, by full member name. */
  readonly files = new Map<string, Uint8Array>();
  private leftover: Uint8Array = new Uint8Array(0);
  private state: 'header' | 'body' | 'end' = 'header';
  private bodyLeft = 0;
  private padLeft = 0;
  private body: { data: Uint8Array; filled: number; kind: 'keep' | 'longname' | 'pax' } | null = null;
  private current: TarEntry | null = null;
  private nextName: string | null = null;
  private offset = 0;

  constructor(private readonly select: (entry: TarEntry) => boolean) {}

  push(chunk: Uint8Array): void {
    let data = chunk;
    if (this.leftover.length > 0) {
      data = new Uint8Array(this.leftover.length + chunk.length);
      data.set(this.leftover);
      data.set(chunk, this.leftover.length);
      this.leftover = new Uint8Array(0);
    }
    let pos = 0;
    while (pos < data.length && this.state !== 'end') {
      if (this.state === 'header') {
        if (this.padLeft > 0) {
          const skip = Math.min(this.padLeft, data.length - pos);
          this.padLeft -= skip;
          pos += skip;
          continue;
        }
        if (data.length - pos < BLOCK) break;
        this.readHeader(data.subarray(pos, pos + BLOCK));
        pos += BLOCK;
      } else {
        const take = Math.min(this.bodyLeft, data.length - pos);
        if (this.body) {
          this.body.data.set(data.subarray(pos, pos + take), this.body.filled);
          this.body.filled += take;
        }
        this.bodyLeft -= take;
        pos += take;
        if (this.bodyLeft === 0) this.endBody();
      }
    }
    this.offset += pos;
    if (pos < data.length && this.state !== 'end') this.leftover = data.slice(pos);
  }

  /** Call after the last chunk: throws when the archive was cut inside a member. */
  finish(): void {
    if (this.state === 'body' || this.leftover.length > 0) {
      const what = this.state === 'body' && this.current ? `member ${this.current.name}` : 'a header';
      throw new TarFormatError(`archive ends inside ${what} (truncated at byte ${this.offset + this.leftover.length})`);
    }
  }

  private readHeader(block: Uint8Array): void {
    if (block.every((b) => b === 0)) {
      // End-of-archive marker (two zero blocks); anything after it is padding.
      this.state = 'end';
      return;
    }
    const stored = parseNumber(block.subarray(148, 156));
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i];
    if (stored !== sum) {
      throw new TarFormatError(`header checksum mismatch at byte ${this.offset} (stored ${stored}, computed ${sum}): not a tar archive or corrupt`);
    }
    const size = parseNumber(block.subarray(124, 136));
    const flag = String.fromCharCode(block[156]);
    let name = readString(block.subarray(0, 100));
    // POSIX ustar ("ustar\0") has a name prefix at 345; old GNU ("ustar  ") keeps other fields there.
    if (readString(block.subarray(257, 263)) === 'ustar') {
      const prefix = readString(block.subarray(345, 500));
      if (prefix) name = `${prefix}/${name}`;
    }
    if (this.nextName !== null && flag !== 'L' && flag !== 'x') {
      name = this.nextName;
      this.nextName = null;
    }
    const type = flag === '0' || flag === '\0' || flag === '7' ? 'file' : flag === '5' ? 'directory' : 'other';
    this.current = { name, type, size };
    this.body = null;
    if (flag === 'L' || flag === 'x') {
      this.body = { data: new Uint8Array(size), filled: 0, kind: flag === 'L' ? 'longname' : 'pax' };
    } else if (type === 'file' && this.select(this.current)) {
      this.body = { data: new Uint8Array(size), filled: 0, kind: 'keep' };
    }
    this.bodyLeft = size;
    this.padLeft = (BLOCK - (size % BLOCK)) % BLOCK;
    this.state = 'body';
    if (size === 0) this.endBody();
  }

  private endBody(): void {
    const body = this.body;
    this.state = 'header';
    this.body = null;
    if (!body || !this.current) return;
    if (body.kind === 'keep') this.files.set(this.current.name, body.data);
    else if (body.kind === 'longname') this.nextName = readString(body.data);
    else this.nextName = paxPath(body.data) ?? this.nextName;
  }
}

function readString(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
}

/** Octal (NUL/space terminated) or GNU base-256 (high bit set) number field. */
function parseNumber(field: Uint8Array): number {
  if (field[0] & 0x80) {
    let value = field[0] & 0x7f;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i];
    return value;
  }
  const text = readString(field).trim();
  if (!/^[0-7]*$/.test(text)) throw new TarFormatError(`invalid number field ${JSON.stringify(text)} in header: not a tar archive or corrupt`);
  return text === '' ? 0 : parseInt(text, 8);
}

/** The `path` record of a pax extended header ("<len> path=<value>\n" records). */
function paxPath(bytes: Uint8Array): string | null {
  const text = new TextDecoder().decode(bytes);
  for (const record of text.split('\n')) {
    const match = /^\d+ path=(.*)$/s.exec(record);
    if (match) return match[1];
  }
  return null;
}
