// Expands paths (files and folders, recursively) to the .txt and .md files they name, in a stable order.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors.js';
import { decodeText, type Encoding } from './decode-text.js';
import { cleanTitle } from './document-input.js';

const TEXT_EXTENSIONS = new Set(['.txt', '.md']);

export interface LoadedFile {
  path: string;
  title: string;
  text: string;
  encoding: Encoding;
}

export async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch((cause: unknown) => {
      throw new AppError('NOT_FOUND', `${p}: no such file or folder`, { cause });
    });
    if (info.isDirectory()) {
      const entries = await readdir(p, { recursive: true, withFileTypes: true });
      out.push(
        ...entries
          .filter((e) => e.isFile() && TEXT_EXTENSIONS.has(path.extname(e.name).toLowerCase()))
          .map((e) => path.join(e.parentPath, e.name))
          .sort(),
      );
    } else {
      out.push(p);
    }
  }
  return [...new Set(out)];
}

/** A title: the first Markdown heading, else a short first line that reads as a title, else the file name. */
export function titleOf(text: string, file: string): string {
  // Titles are shown in terminals and pages: no control, zero-width or bidi characters.
  const heading = cleanTitle(/^#\s+(.+)$/m.exec(text)?.[1] ?? '');
  if (heading) return heading.slice(0, 300);
  const first = text.split('\n').map(cleanTitle).find(Boolean) ?? '';
  // official titles run long (…关于印发…行动计划（2021-2023年）的通知) but hold no sentence punctuation
  if (first.length >= 4 && first.length <= 100 && !/[。，,；;：:！？]/.test(first)) return first;
  return path.basename(file, path.extname(file));
}

/** Reads and decodes one file. */
export async function loadFile(file: string): Promise<LoadedFile> {
  const { text, encoding } = decodeText(await readFile(file), file);
  return { path: file, title: titleOf(text, file), text, encoding };
}
