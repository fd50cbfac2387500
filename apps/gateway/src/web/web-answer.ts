import fs from 'node:fs';
import path from 'node:path';

/** Vite's output: file names carry a hash of their content, so a name never changes meaning. */
export const ASSETS_DIR = 'assets';
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html (and the few unhashed files beside it) is revalidated on every load: a deploy shows at once. */
export const REVALIDATE = 'no-cache';

/** What the gateway answers to a GET outside the API. */
export type WebAnswer =
  /** A file of the web root (path relative to it, with its Cache-Control). */
  | { kind: 'file'; file: string; cacheControl: string }
  /** The app's index.html: the browser's router takes the path from there. */
  | { kind: 'index' }
  /** The API's own 404 problem. */
  | { kind: 'not-found' }
  /** No index.html in the web root: the services were built without the web app. */
  | { kind: 'not-built' };

/** What webAnswer needs to know of the web root. */
export interface WebRoot {
  hasIndex(): boolean;
  /** Whether `relative` (decoded, '/'-separated, no '.' or '..' segment) names a file. */
  isFile(relative: string): boolean;
}

/**
 * The SPA's rule: a file of the build when there is one; else index.html for
 * a browser asking for a page (a deep link such as /requests/123 reloaded);
 * else the API's 404. A missing hashed asset stays a 404: a stale tab asking
 * for a chunk of the previous build must fail, not parse HTML as JavaScript.
 */
export function webAnswer(rawPath: string, accept: string | undefined, root: WebRoot): WebAnswer {
  if (rawPath === '/api' || rawPath.startsWith('/api/')) return { kind: 'not-found' };
  if (!root.hasIndex()) return { kind: 'not-built' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'not-found' };
  }
  const relative = decoded.slice(1);
  const segments = relative.split('/');
  // Dot files, '..' and empty segments are never files of a Vite build; no lookup for them.
  const plain =
    relative !== '' &&
    !decoded.includes('\\') &&
    !decoded.includes('\0') &&
    segments.every((segment) => segment !== '' && !segment.startsWith('.'));
  if (plain && root.isFile(relative)) {
    const hashed = segments[0] === ASSETS_DIR && segments.length > 1;
    return { kind: 'file', file: relative, cacheControl: hashed ? IMMUTABLE : REVALIDATE };
  }
  if (segments[0] === ASSETS_DIR) return { kind: 'not-found' };
  return acceptsHtml(accept) ? { kind: 'index' } : { kind: 'not-found' };
}

/** A browser navigating says text/html; fetch() and scripts do not. */
function acceptsHtml(accept: string | undefined): boolean {
  return (accept ?? '')
    .split(',')
    .some((range) => range.split(';')[0].trim().toLowerCase() === 'text/html');
}

/** The web root on disk; index.html is looked for on each request, so a later build is seen. */
export function diskWebRoot(root: string): WebRoot {
  return {
    hasIndex: () => isFile(path.join(root, 'index.html')),
    isFile: (relative) => {
      const full = path.resolve(root, ...relative.split('/'));
      return full.startsWith(root + path.sep) && isFile(full);
    },
  };
}

function isFile(full: string): boolean {
  try {
    return fs.statSync(full).isFile();
  } catch {
    return false;
  }
}
