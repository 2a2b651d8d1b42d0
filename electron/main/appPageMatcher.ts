import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Recognises the app's own page: a file: URL of exactly the bundled index.html. Query and fragment are
 * ignored because the renderer routes in the fragment. Comparing file paths rather than URL strings avoids
 * false rejections from percent-encoding differences (an install path may contain 续约管家 or spaces).
 */
export function appPageMatcher(indexHtml: string, platform: NodeJS.Platform = process.platform): (url: string) => boolean {
  const normalise = (p: string) => (platform === 'win32' || platform === 'darwin' ? p.toLowerCase() : p);
  const expected = normalise(path.resolve(indexHtml));
  return (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false;
    try {
      return normalise(path.resolve(fileURLToPath(parsed))) === expected;
    } catch {
      return false;
    }
  };
}
