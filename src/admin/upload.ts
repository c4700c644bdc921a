import path from 'node:path';
import type { Request } from 'express';
import busboy from 'busboy';
import { displayName } from '../core/display-name.js';
import { InputError, describeError } from '../core/errors.js';

/** One file of a multipart upload, read into memory, or the reason it was refused. */
export type UploadedFile =
  | { readonly name: string; readonly bytes: Buffer; readonly error?: undefined }
  | { readonly name: string; readonly error: string };

export interface ParsedUpload {
  readonly fields: Readonly<Record<string, string>>;
  readonly files: readonly UploadedFile[];
}

export interface UploadLimits {
  /** Per file, as `polydesk ingest` (MAX_FILE_MB). */
  readonly maxFileBytes: number;
  readonly maxFiles: number;
  /** All files of one request together (they are held in memory). */
  readonly maxTotalBytes: number;
}

/** The name shown and stored: no folders, no hidden controls (bidi overrides), at most 200 characters. */
function cleanName(raw: string | undefined): string {
  const base = displayName(path.basename((raw ?? '').replace(/\\/g, '/')));
  return Array.from(base).slice(0, 200).join('') || 'unnamed';
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/**
 * Parses `multipart/form-data` with busboy under size and count limits. A file over a limit is
 * reported with its reason instead of failing the whole upload; the other files are kept.
 */
export function parseUpload(req: Request, limits: UploadLimits): Promise<ParsedUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: {
          fileSize: limits.maxFileBytes,
          files: limits.maxFiles,
          fields: 20,
          fieldSize: 64 * 1024,
          parts: limits.maxFiles + 20,
        },
      });
    } catch (error) {
      reject(new InputError(`the upload could not be read: ${describeError(error)}`, { cause: error }));
      return;
    }
    const fields: Record<string, string> = {};
    const files: UploadedFile[] = [];
    let total = 0;
    let tooMany = false;
    let open = 0;
    let parsed = false;
    const finish = () => {
      if (!parsed || open > 0) return;
      if (tooMany)
        files.push({
          name: '(more files)',
          error: `at most ${limits.maxFiles} files per upload; send the rest separately`,
        });
      resolve({ fields, files });
    };
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (_field, stream, info) => {
      open += 1;
      const name = cleanName(info.filename);
      const chunks: Buffer[] = [];
      let size = 0;
      let overTotal = false;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        total += chunk.length;
        if (total > limits.maxTotalBytes) overTotal = true;
        if (!overTotal) chunks.push(chunk);
      });
      stream.on('end', () => {
        if ((stream as unknown as { truncated?: boolean }).truncated) {
          files.push({ name, error: `file is over the size limit of ${mb(limits.maxFileBytes)}` });
        } else if (overTotal) {
          files.push({
            name,
            error: `the upload is over ${mb(limits.maxTotalBytes)} in all; send fewer files at once`,
          });
        } else if (size === 0 && !info.filename) {
          // An empty file input: nothing was chosen.
        } else {
          files.push({ name, bytes: Buffer.concat(chunks) });
        }
        open -= 1;
        finish();
      });
    });
    parser.on('filesLimit', () => {
      tooMany = true;
    });
    parser.on('error', (error) =>
      reject(new InputError(`the upload could not be read: ${describeError(error)}`, { cause: error })),
    );
    parser.on('close', () => {
      parsed = true;
      finish();
    });
    req.pipe(parser);
  });
}
