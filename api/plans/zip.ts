import { inflateRawSync } from 'node:zlib';

/**
 * Opening the zip inside a .docx, .xlsx or .ofd without trusting it: the sizes
 * its central directory declares are added up and checked before anything is
 * inflated, and no entry may inflate to more than it declared (a zip bomb lies
 * about them). What passes is handed on as a stored (uncompressed) zip to the
 * libraries that read the format, so they never inflate anything themselves.
 */
export class ZipError extends Error {
  override name = 'ZipError';
  constructor(
    readonly reason: 'broken' | 'too-large' | 'encrypted',
    message: string,
  ) {
    super(message);
  }
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
  flags: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function entries(bytes: Buffer): Entry[] {
  // The end-of-central-directory record sits in the last 64 KB + 22 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('broken', 'no central directory');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const found: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new ZipError('broken', 'bad central directory');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    found.push({
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      offset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extra + comment;
  }
  return found;
}

function contentOf(bytes: Buffer, entry: Entry): Buffer {
  const at = entry.offset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw new ZipError('broken', `bad entry ${entry.name}`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new ZipError('broken', `truncated entry ${entry.name}`);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipError('broken', `unsupported compression in ${entry.name}`);
  try {
    // An entry inflating past its declared size stops here, at the declared size.
    return inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError('too-large', `${entry.name} inflates beyond its declared size`);
    throw new ZipError('broken', `cannot inflate ${entry.name}`);
  }
}

export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** The names of a zip's entries, from its central directory alone. */
export function zipNames(bytes: Uint8Array): string[] {
  return entries(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).map((e) => e.name);
}

/** The zip, checked against `maxBytes` of content in all, re-packed stored (uncompressed). */
export async function safeZip(bytes: Uint8Array, maxBytes: number): Promise<Buffer> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const list = entries(buffer);
  if (list.some((e) => e.flags & 1)) throw new ZipError('encrypted', 'encrypted');
  const declared = list.reduce((n, e) => n + e.size, 0);
  if (declared > maxBytes) throw new ZipError('too-large', `declares ${declared} bytes`);
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const entry of list) {
    if (entry.name.endsWith('/')) continue;
    const data = contentOf(buffer, entry);
    if (data.length !== entry.size) throw new ZipError('broken', `${entry.name} is not the size it declares`);
    zip.file(entry.name, data);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}
