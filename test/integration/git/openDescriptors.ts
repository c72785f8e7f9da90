// What this process has open, to check that a read closed everything it opened (Linux: /proc).
import { readdir, readlink } from 'node:fs/promises';

/** This process's open file descriptors, by what they point at. */
export async function openDescriptors(): Promise<string[]> {
  const fds = await readdir('/proc/self/fd');
  const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
  // The listing's own descriptor is gone by the time it is read. Node's own threads open files
  // under /sys for a moment (the CPUs online), whenever they like: not ours to count.
  return targets.filter((t) => t !== '' && !t.startsWith('/proc/') && !t.startsWith('/sys/')).sort();
}
