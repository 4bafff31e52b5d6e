import { mkdtemp, writeFile, mkdir, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary seeds folder holding the given files (strings or raw bytes). */
export async function seedsFolder(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'seeds-'));
  for (const [name, content] of Object.entries(files)) {
    if (name.endsWith('/')) await mkdir(join(dir, name), { recursive: true });
    else await writeFile(join(dir, name), content);
  }
  return dir;
}

/** A temporary copy of the real seeds folder, safe to modify. */
export async function copyOfSeeds(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'seeds-copy-'));
  await cp('seeds', dir, { recursive: true });
  return dir;
}
