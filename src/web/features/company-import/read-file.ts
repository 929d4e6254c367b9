import { importMaxBytes } from '../../../contracts/company-import';

export type FileProblem = 'type' | 'size' | 'empty';

/** Why a chosen file cannot be imported, before it is read: the contract's limits. */
export function fileProblem(file: Pick<File, 'name' | 'size'>): FileProblem | null {
  if (!/\.(xlsx|csv)$/i.test(file.name)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > importMaxBytes) return 'size';
  return null;
}

/** The file's bytes as base64 (the API takes JSON only, so the file travels inside it). */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
