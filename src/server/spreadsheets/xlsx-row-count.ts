import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';

// exceljs reads a whole workbook into memory before anyone can count its rows: a 100 000-row
// sheet took 4.5 s and 270 MB to be refused. Its streaming reader is no help for files from
// Excel, which puts the shared strings after the sheets: it then inflates each sheet to a temp
// file first, and leaves that file behind when the reading stops early. So the rows are counted
// here, before exceljs: the zip's directory is read from the bytes we already hold, and the
// sheet is inflated as a stream and given up as soon as the count is reached.

type ZipEntry = { method: number; compressedSize: number; dataStart: number };

/** The entries of a zip by name, from its central directory; undefined when it is not a zip
 * this reader understands (zip64, encrypted), which exceljs would not read either. */
function zipEntries(bytes: Buffer): Map<string, ZipEntry> | undefined {
  const endRecordSize = 22;
  let end = -1;
  // The end record sits before a comment of at most 64 KiB.
  for (let i = bytes.length - endRecordSize; i >= Math.max(0, bytes.length - endRecordSize - 0xffff); i -= 1) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = new Map<string, ZipEntry>();
  let offset = bytes.readUInt32LE(end + 16);
  for (let n = bytes.readUInt16LE(end + 10); n > 0; n -= 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return undefined;
    const flags = bytes.readUInt16LE(offset + 8);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const localOffset = bytes.readUInt32LE(offset + 42);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (flags & 1 || compressedSize === 0xffffffff || localOffset + 30 > bytes.length) return undefined;
    if (bytes.readUInt32LE(localOffset) !== 0x04034b50) return undefined;
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > bytes.length) return undefined;
    entries.set(name, { method: bytes.readUInt16LE(offset + 10), compressedSize, dataStart });
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return entries;
}

/** An entry's content as a stream of bytes, inflated as it is read. */
function entryStream(bytes: Buffer, entry: ZipEntry): Readable | undefined {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) return Readable.from([data]);
  if (entry.method !== 8) return undefined;
  const inflate = zlib.createInflateRaw();
  inflate.end(data);
  return inflate;
}

/** A small entry's text (the workbook and its relations); at most 4 MiB of it, against zip bombs. */
function smallEntryText(bytes: Buffer, entry: ZipEntry | undefined): string | undefined {
  if (!entry) return undefined;
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  try {
    if (entry.method === 0) return data.toString('utf8');
    return entry.method === 8
      ? zlib.inflateRawSync(data, { maxOutputLength: 4 * 1024 * 1024 }).toString('utf8')
      : undefined;
  } catch {
    return undefined;
  }
}

const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(tag)
    ?.slice(1)
    .find((value) => value !== undefined);

/** The sheets' entry names in the order of their tabs, as exceljs orders its `worksheets`;
 * by their number when the workbook does not say. */
function sheetEntryNames(bytes: Buffer, entries: Map<string, ZipEntry>): string[] {
  const byNumber = [...entries.keys()]
    .filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  const workbook = smallEntryText(bytes, entries.get('xl/workbook.xml'));
  const relations = smallEntryText(bytes, entries.get('xl/_rels/workbook.xml.rels'));
  if (!workbook || !relations) return byNumber;
  const targets = new Map<string, string>();
  for (const [tag] of relations.matchAll(/<(?:[\w.-]+:)?Relationship\s[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const ordered = [...workbook.matchAll(/<(?:[\w.-]+:)?sheet\s[^>]*>/g)]
    .map(([tag]) => targets.get(attribute(tag, '[\\w.-]+:id') ?? ''))
    .filter((name): name is string => name !== undefined && byNumber.includes(name));
  // Sheets the workbook does not list come last, so none escapes the count.
  return [...ordered, ...byNumber.filter((name) => !ordered.includes(name))];
}

const rowEnd = /<\/(?:[\w.-]+:)?row>/g;
const cellValue = /<(?:[\w.-]+:)?(?:v|is)[\s>]/;

/** Rows of a sheet's XML that hold a value, counted as the XML streams in, up to `stopAt`. */
async function countRowsWithValues(stream: Readable, stopAt: number, onRow?: () => void): Promise<number> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let count = 0;
  // Leaving the loop early destroys the stream: the rest of the sheet is never inflated.
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = carry + decoder.write(chunk);
    let from = 0;
    for (const match of text.matchAll(rowEnd)) {
      if (cellValue.test(text.slice(from, match.index))) {
        count += 1;
        onRow?.();
        if (count >= stopAt) return count;
      }
      from = match.index + match[0].length;
    }
    carry = text.slice(from);
  }
  return count;
}

/**
 * Rows with a value in the sheet an import reads (the first tab that has any), counted without
 * exceljs and given up at `stopAt`; undefined when the file is no zip this reader understands.
 * A row of only blanks counts here, though the import skips it: at worst a file at the limit
 * with such rows is refused, never is a file over the limit read whole.
 */
export async function countXlsxRows(bytes: Buffer, stopAt: number, onRow?: () => void): Promise<number | undefined> {
  const entries = zipEntries(bytes);
  if (!entries) return undefined;
  for (const name of sheetEntryNames(bytes, entries)) {
    const stream = entryStream(bytes, entries.get(name)!);
    if (!stream) return undefined;
    try {
      const count = await countRowsWithValues(stream, stopAt, onRow);
      if (count > 0) return count;
    } catch {
      return undefined;
    } finally {
      stream.destroy();
    }
  }
  return 0;
}
