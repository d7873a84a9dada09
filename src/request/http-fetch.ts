import { HttpClient } from '@actions/http-client';
import type { IncomingMessage } from 'node:http';

/** What Octokit's request reads of a fetch answer. */
export interface FetchAnswer {
  status: number;
  statusText: string;
  url: string;
  headers: Map<string, string>;
  body: IncomingMessage;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<FetchAnswer>;

/**
 * Octokit's transport over @actions/http-client, the client the downloads use, instead of the
 * global fetch: API calls then go through the runner's proxy settings (https_proxy, no_proxy)
 * as the downloads do, and the start skips loading Node's fetch (about 50 ms). A call that
 * receives nothing for `idleTimeoutMs` fails, and plugin-retry tries it again.
 */
export function httpFetch(idleTimeoutMs: number): Fetch {
  let http: HttpClient | undefined;
  return async (url, init) => {
    // HttpClient sends its own User-Agent on every request: make it Octokit's.
    http ??= new HttpClient(init.headers['user-agent'], [], {
      keepAlive: true,
      socketTimeout: idleTimeoutMs,
      allowRetries: false,
    });
    const { message } = await http.request(init.method, url, init.body ?? null, init.headers);
    const status = message.statusCode ?? 0;
    // Octokit reads no body of these: drain it so that the socket is free again.
    if (status === 204 || status === 205 || init.method === 'HEAD') message.resume();
    const bytes = async (): Promise<Buffer> => Buffer.concat(await message.toArray());
    return {
      status,
      statusText: message.statusMessage ?? '',
      url,
      headers: new Map(
        Object.entries(message.headers).flatMap(([name, value]) =>
          value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]],
        ),
      ),
      body: message,
      text: async () => (await bytes()).toString('utf8'),
      arrayBuffer: async () => new Uint8Array(await bytes()).buffer,
    };
  };
}
