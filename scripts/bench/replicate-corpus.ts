// Replicates the corpus ×N into a temporary folder, each copy's text varied (a numbered closing line)
// so its sha256 differs and the store keeps it as a separate document.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ReplicatedCorpus {
  dir: string;
  files: number;
  bytes: number;
  chars: number;
}

/** `tag` tells copy sets apart (a warm-up set must not share texts with the measured one). */
export async function replicateCorpus(source: string, times: number, dir: string, tag = ''): Promise<ReplicatedCorpus> {
  const names = (await readdir(source)).filter((n) => n.endsWith('.txt')).sort();
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  let chars = 0;
  for (const name of names) {
    const text = await readFile(path.join(source, name), 'utf8');
    for (let i = 0; i < times; i++) {
      const copy = `${text.trimEnd()}\n\n（本文为基准测试副本${tag}第${i + 1}份。）\n`;
      bytes += Buffer.byteLength(copy);
      chars += copy.length;
      await writeFile(path.join(dir, `${path.basename(name, '.txt')}-r${String(i + 1).padStart(3, '0')}.txt`), copy);
    }
  }
  return { dir, files: names.length * times, bytes, chars };
}
