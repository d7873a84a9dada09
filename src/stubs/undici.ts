/**
 * Stands in for undici in the bundles (tsconfig "paths"). @actions/http-client imports undici
 * only for ProxyAgent, which its getAgentDispatcher (fetch through a proxy) uses; this action
 * downloads through HttpClient, which reaches proxies without undici. Leaving undici out keeps
 * 900 KiB of code from being loaded at every start.
 */
export class ProxyAgent {
  constructor() {
    throw new Error('undici is not bundled: fetch through a proxy is not available');
  }
}
