import { constants, lstatSync } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * The seeds folder is a boundary: whatever a moderator (or an attacker with
 * write access to it) puts there, nothing outside it is read. A link named
 * `zz.txt` pointing at `../.env` once put the bot's token into `/sources`.
 */
export const OUTSIDE_REASON = 'a link to a file outside the seeds folder (not read)';

/** The folder's real path, once per read of the folder: every entry is checked against it. */
export const realFolder = (dir: string): Promise<string> => realpath(dir);

/** A file opened inside the boundary, or why it was not. */
export type Opened = { ok: true; handle: FileHandle; size: number; version: string | null } | { ok: false; reason: string };

/** A file written this recently may be written again within the same tick of the file system's clock. */
const SETTLED_MS = 2000;

/**
 * What changes whenever a file's bytes may have: device, inode, size and the
 * modification and status-change times. Any write sets both times to the
 * present, so an equal version means the same bytes — unless the file was
 * written within a tick of the clock of being read, when a second write can
 * leave the times as they were (git's "racy" files): such a file has no version
 * (null) and is always read.
 */
function versionOf(info: BigIntStats): string | null {
  if (Date.now() - Number(info.mtimeMs) < SETTLED_MS) return null;
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
}

const isInside = (root: string, target: string): boolean => {
  const rel = relative(root, target);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
};

/**
 * Opens `name` in the folder whose real path is `root` for reading, following
 * links only while they stay inside. The file is opened by its resolved path
 * without following a link at the last step, and checked to be a regular file
 * on the open handle, so swapping the link between the check and the read
 * changes nothing. Errors other than the boundary (ENOENT, EACCES) throw as usual.
 */
export async function openInside(root: string, name: string): Promise<Opened> {
  const target = await realpath(join(root, name));
  if (!isInside(root, target)) return { ok: false, reason: OUTSIDE_REASON };
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  const handle = await open(target, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = await handle.stat({ bigint: true });
    if (!info.isFile()) {
      await handle.close();
      return { ok: false, reason: 'not a regular file (a folder or device named like an article)' };
    }
    return { ok: true, handle, size: Number(info.size), version: versionOf(info) };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * The size and version (`versionOf`) of `name` when it is a regular file in
 * the folder itself, by one `lstat`, without opening it; null for anything
 * else (a link, a folder, a device, a vanished file), which only `openInside`
 * can judge. A regular file directly in the real folder cannot lead outside it.
 * Synchronous: a cache key looks at every seed this way, and at 100k
 * paragraphs (5,800 files) an awaited `lstat` each cost 150 ms of CPU, a
 * synchronous one 20 ms.
 */
export function plainFileVersion(root: string, name: string): { size: number; version: string | null } | null {
  try {
    const info = lstatSync(join(root, name), { bigint: true });
    return info.isFile() ? { size: Number(info.size), version: versionOf(info) } : null;
  } catch {
    return null;
  }
}
