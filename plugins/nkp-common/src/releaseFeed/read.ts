/**
 * Reads one feed once: the text from its URL or file, then `parseReleaseFeed`. The I/O itself is
 * the caller's (`ReleaseFeedIo`: the backend and the CLI pass Node's `fetch` and `readFile`), so
 * this package stays free of Node APIs; every failure becomes a result that says what went wrong,
 * never a throw, so one bad feed cannot stop the others.
 */
import { parseReleaseFeed } from './parse';
import { describeFeedLocation } from './location';
import { ReleaseFeedResult, ReleaseFeedSource } from './types';

/**
 * The answer of a `fetch`, as much of it as a feed needs.
 *
 * @public
 */
export interface ReleaseFeedResponse {
  ok: boolean;
  status: number;
  statusText: string;
  text(): Promise<string>;
}

/**
 * The I/O a feed read needs.
 *
 * @public
 */
export interface ReleaseFeedIo {
  fetch(
    url: string,
    init: { signal: AbortSignal; headers: Record<string, string> },
  ): Promise<ReleaseFeedResponse>;
  readFile(path: string): Promise<string>;
}

/** A real endoflife.date product is a few kilobytes; anything far larger is not a feed. */
const MAX_FEED_CHARS = 5_000_000;

/**
 * Reads and parses one feed. Resolves to `{ ok: false, error }` for an unreachable location, an
 * HTTP error, a timeout, a body that is not JSON and a feed with no usable cycle.
 *
 * @public
 */
export async function readReleaseFeed(
  source: ReleaseFeedSource,
  io: ReleaseFeedIo,
  options: { timeoutSeconds: number },
): Promise<ReleaseFeedResult> {
  const fail = (error: string): ReleaseFeedResult => ({
    ok: false,
    source,
    error,
  });
  let text: string;
  try {
    text = await readText(source, io, options.timeoutSeconds);
  } catch (error) {
    return fail(
      scrub(describeError(error, options.timeoutSeconds), source.location),
    );
  }
  if (text.length > MAX_FEED_CHARS) {
    return fail(`the feed is larger than ${MAX_FEED_CHARS} characters`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return fail(`not JSON: ${(error as Error).message}`);
  }
  try {
    return { ok: true, source, data: parseReleaseFeed(source.product, body) };
  } catch (error) {
    return fail((error as Error).message);
  }
}

async function readText(
  source: ReleaseFeedSource,
  io: ReleaseFeedIo,
  timeoutSeconds: number,
): Promise<string> {
  const { location } = source;
  if ('file' in location) {
    return io.readFile(location.file);
  }
  const { url, authorization } = withoutUserInfo(location.url);
  const response = await io.fetch(url, {
    signal: AbortSignal.timeout(timeoutSeconds * 1000),
    headers: {
      accept: 'application/json',
      ...(authorization ? { authorization } : {}),
    },
  });
  if (!response.ok) {
    throw new Error(
      `HTTP ${response.status}${
        response.statusText ? ` ${response.statusText}` : ''
      } from ${describeFeedLocation(location)}`,
    );
  }
  return response.text();
}

/**
 * `https://user:password@host/...` as fetch takes it: the URL without the user info, which
 * becomes a basic Authorization header (fetch refuses URLs with credentials).
 */
function withoutUserInfo(raw: string): { url: string; authorization?: string } {
  const url = new URL(raw);
  if (!url.username && !url.password) return { url: raw };
  const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(
    url.password,
  )}`;
  url.username = '';
  url.password = '';
  return { url: url.toString(), authorization: `Basic ${btoa(credentials)}` };
}

/** An error message with the location as it may be shown: no credentials, no query. */
function scrub(message: string, location: ReleaseFeedSource['location']) {
  if ('file' in location) return message;
  const shown = describeFeedLocation(location);
  let out = message.split(location.url).join(shown);
  try {
    out = out.split(withoutUserInfo(location.url).url).join(shown);
  } catch {
    // An unreadable URL has no parts to hide beyond itself.
  }
  return out;
}

function describeError(error: unknown, timeoutSeconds: number): string {
  const e = error as { name?: string; message?: string; cause?: unknown };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return `no answer within ${timeoutSeconds} s`;
  }
  const cause = (e?.cause as { message?: string; code?: string }) ?? undefined;
  const detail = cause?.code ?? cause?.message;
  return `${e?.message ?? String(error)}${detail ? ` (${detail})` : ''}`;
}
