import * as core from '@actions/core';

/** Query parameters that carry a signature or a credential in signed links. */
const SECRET_PARAMETERS =
  /^(sig|signature|token|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential|key|code)$/i;

/** Registered secrets by length, longest first, so one scan of a text finds them all. */
const byLength = new Map<number, Set<string>>();
let lengths: number[] = [];

function registered(value: string): boolean {
  return byLength.get(value.length)?.has(value) ?? false;
}

/** Masks a value in the runner's logs and in everything this action prints itself. */
export function registerSecret(value: string): void {
  if (!value || registered(value)) return;
  const same = byLength.get(value.length);
  if (same) same.add(value);
  else {
    byLength.set(value.length, new Set([value]));
    lengths = [...byLength.keys()].sort((a, b) => b - a);
  }
  core.setSecret(value);
}

/**
 * Registers the secret parts of a signed link before anything could print them: the whole
 * query, and each signature-like parameter on its own (in case one is printed alone).
 */
export function registerLink(link: string): void {
  const url = new URL(link);
  if (!url.search) {
    // Without a query, a signature can only be in the path.
    if (url.pathname.length >= 16) registerSecret(url.pathname);
    return;
  }
  registerSecret(url.search.slice(1));
  for (const [name, value] of url.searchParams) {
    if (SECRET_PARAMETERS.test(name) || value.length >= 32) {
      registerSecret(value);
      registerSecret(encodeURIComponent(value));
    }
  }
}

/** A link as it may be logged: host and path, never the query. */
export function describeLink(link: string): string {
  const url = new URL(link);
  return redact(`${url.host}${url.pathname}`);
}

/**
 * Text with every registered secret replaced by `***`, for messages built from other errors.
 * It looks up each position's substrings of the registered lengths, so its cost grows with the
 * text and the number of distinct lengths, not with the number of secrets (a report may have
 * thousands of links, and so of secrets).
 */
export function redact(text: string): string {
  let result = '';
  let kept = 0;
  for (let at = 0; at < text.length;) {
    const length = lengths.find((n) => at + n <= text.length && byLength.get(n)!.has(text.slice(at, at + n)));
    if (length === undefined) {
      at++;
      continue;
    }
    result += `${text.slice(kept, at)}***`;
    at += length;
    kept = at;
  }
  return result + text.slice(kept);
}
