/** True for https, and for plain http to this machine (local simulations and tests). */
export function isSecureUrl(url: URL): boolean {
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) || url.hostname.endsWith('.localhost');
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
}
