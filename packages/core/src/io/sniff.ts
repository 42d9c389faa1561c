import type { Message } from '../domain/result.js';

/** What a file's first bytes say it is. */
export type FileKind = 'xlsx' | 'text' | 'empty' | 'xls' | 'other-binary';

/** Looks at the first bytes of a file: a ZIP (XLSX), an old Excel file, text, or other binary data. */
export function sniffFile(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return 'xls';
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return 'text';
  // Text files have no NUL bytes and few control characters.
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return 'other-binary';
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  if (control > n / 100) return 'other-binary';
  return bytes.every(
    (b) => b === 0x20 || b === 9 || b === 10 || b === 13 || b === 0xef || b === 0xbb || b === 0xbf,
  )
    ? 'empty'
    : 'text';
}

/** Why a file cannot be read as a spreadsheet, in words a person can act on; `undefined` when it can. */
export function unreadableFileMessage(kind: FileKind): Message | undefined {
  switch (kind) {
    case 'empty':
      return { id: 'Berkas kosong.', en: 'The file is empty.' };
    case 'xls':
      return {
        id: 'Berkas Excel lama (.xls) tidak didukung: buka di Excel lalu simpan sebagai .xlsx atau CSV.',
        en: 'Old Excel files (.xls) are not supported: open it in Excel and save it as .xlsx or CSV.',
      };
    case 'other-binary':
      return {
        id: 'Berkas ini bukan lembar kerja (bukan XLSX atau CSV), walau namanya mungkin berakhiran .csv atau .xlsx.',
        en: 'This file is not a spreadsheet (neither XLSX nor CSV), whatever its name ends with.',
      };
    default:
      return undefined;
  }
}
