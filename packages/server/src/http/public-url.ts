/**
 * The address people reach this app at, for links that leave it (mail, survey links). Set by
 * buildApp from the configuration; use cases read it here rather than carrying the config around.
 */
let current = 'http://127.0.0.1:3000';

export function setPublicUrl(url: string): void {
  current = url.replace(/\/+$/, '');
}

/** The public address joined with `path` (which starts with `/`). */
export function publicUrl(path = ''): string {
  return `${current}${path}`;
}
