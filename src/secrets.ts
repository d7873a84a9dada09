import * as core from '@actions/core';

/** Query parameters that carry a signature or a credential in signed links. */
const SECRET_PARAMETERS =
  /^(sig|signature|token|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential|key|code)$/i;

const registered = new Set<string>();

/** Masks a value in the runner's logs and in everything this action prints itself. */
export function registerSecret(value: string): void {
  if (!value || registered.has(value)) return;
  registered.add(value);
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

/** Text with every registered secret replaced by `***`, for messages built from other errors. */
export function redact(text: string): string {
  let result = text;
  for (const secret of registered) result = result.split(secret).join('***');
  return result;
}
