/**
 * The host that serves the signed download links, on its own origin. It checks each link's
 * signature and expiry as blob storage does, records every request's headers, counts the
 * downloads in flight, and plays scripted faults.
 */
import { createHmac } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { Clock } from './clock.js';
import { LocalServer, type SeenHeaders } from './http-server.js';

/**
 * A part's bytes: in memory, in a file (big benchmark reports), or already gzip-encoded, served
 * with Content-Encoding: gzip (a compression bomb that expands far beyond its size).
 */
export type Blob = Buffer | { file: string } | { gzipped: Buffer };

export type LinkFault =
  /** Answer this status with an Azure-style error body. */
  | { status: number }
  /** Send this many bytes of the body, then reset the connection. */
  | { destroyAfter: number }
  /** Announce the full Content-Length, send this many bytes, then close cleanly. */
  | { shortAfter: number }
  /** Send this many bytes, then send nothing more. */
  | { stallAfter: number }
  /** Serve the body gzip-compressed with Content-Encoding: gzip. */
  | { gzip: true }
  /** Send `bytes` bytes of the body every `everyMs` ms: never idle, never done in time. */
  | { trickle: { bytes: number; everyMs: number } }
  /** Accept the request and never answer, not even the headers. */
  | { silent: true };

export interface LinkRule {
  /** Which requests it applies to; every field given must match. */
  match?: { part?: number; generation?: number; path?: string };
  /** How many matching requests it answers (default 1). */
  times?: number;
  respond: LinkFault;
}

export interface LinkRequest {
  /** When it arrived (ms since the epoch). */
  at: number;
  path: string;
  query: string;
  headers: SeenHeaders;
  part: number;
  generation: number;
}

const SECRET = 'link-host-signing-key';

export class LinkHost {
  readonly requests: LinkRequest[] = [];
  /** Most downloads that were in flight at once. */
  maxInFlight = 0;
  /** Bytes per second per connection; 0 sends as fast as possible. */
  pace = 0;
  /** How long a signed link stays valid. */
  lifetimeMs = 60 * 60 * 1000;
  /** While set, every answer waits for it to settle (keeps a run's downloads in flight). */
  hold?: Promise<unknown>;
  private inFlight = 0;
  private readonly blobs = new Map<string, Blob>();
  private rules: LinkRule[] = [];

  private server!: LocalServer;

  /** Expiry is set and checked on the simulator's clock, so a schedule played day after day keeps valid links. */
  private constructor(private readonly clock: Clock) {}

  static async start(clock: Clock): Promise<LinkHost> {
    const host = new LinkHost(clock);
    host.server = await LocalServer.start((req, res) => host.handle(req, res));
    return host;
  }

  get origin(): string {
    return this.server.url;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  inject(rule: LinkRule): void {
    this.rules.push({ times: 1, ...rule });
  }

  /** Drops the faults not yet played, the pacing, and the in-flight record. */
  reset(): void {
    this.rules = [];
    this.pace = 0;
    this.hold = undefined;
    this.maxInFlight = 0;
  }

  /** Registers a blob under `path` and returns a signed link to it. */
  sign(path: string, blob: Blob, part: number, generation: number): string {
    const url = new URL(path, this.origin);
    this.blobs.set(url.pathname, blob);
    const expires = new Date(this.clock.now().getTime() + this.lifetimeMs).toISOString().replace(/\.\d+Z$/, 'Z');
    const query = new URLSearchParams({
      sv: '2025-07-05',
      se: expires,
      sr: 'b',
      sp: 'r',
      part: String(part),
      gen: String(generation),
    });
    query.set('sig', signature(url.pathname, query));
    return `${url.origin}${url.pathname}?${query}`;
  }

  private takeRule(request: LinkRequest): LinkRule | undefined {
    const rule = this.rules.find(
      (candidate) =>
        (candidate.match?.part === undefined || candidate.match.part === request.part) &&
        (candidate.match?.generation === undefined || candidate.match.generation === request.generation) &&
        (candidate.match?.path === undefined || candidate.match.path === request.path),
    );
    if (rule && --rule.times! <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.origin);
    const request: LinkRequest = {
      at: Date.now(),
      path: url.pathname,
      query: url.search,
      headers: { ...req.headers },
      part: Number(url.searchParams.get('part')),
      generation: Number(url.searchParams.get('gen')),
    };
    this.requests.push(request);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.on('close', () => this.inFlight--);

    const blob = this.blobs.get(url.pathname);
    const sig = url.searchParams.get('sig');
    const expires = Date.parse(url.searchParams.get('se') ?? '');
    if (!blob || !sig) return refuse(res, 404, 'BlobNotFound');
    if (sig !== signature(url.pathname, url.searchParams)) return refuse(res, 403, 'AuthenticationFailed');
    if (!(expires > this.clock.now().getTime())) return refuse(res, 403, 'AuthenticationFailed');

    const fault = this.takeRule(request)?.respond;
    if (fault && 'status' in fault) return refuse(res, fault.status, 'InjectedFault');
    if (fault && 'silent' in fault) return;
    if (this.hold) void this.hold.finally(() => this.send(res, blob, fault));
    else this.send(res, blob, fault);
  }

  private send(res: ServerResponse, blob: Blob, fault: LinkFault | undefined): void {
    if ('gzipped' in blob) {
      const headers = { 'content-encoding': 'gzip', 'content-length': blob.gzipped.length };
      res.writeHead(200, { 'content-type': 'application/x-ndjson', ...headers });
      res.end(blob.gzipped);
      return;
    }
    if (!Buffer.isBuffer(blob)) {
      const size = statSync(blob.file).size;
      res.writeHead(200, { 'content-type': 'application/x-ndjson', 'content-length': size });
      const stream = createReadStream(blob.file, { highWaterMark: 256 * 1024 });
      if (this.pace > 0) paced(stream, res, this.pace);
      else stream.pipe(res);
      return;
    }
    if (fault && 'gzip' in fault) {
      const body = gzipSync(blob);
      res.writeHead(200, {
        'content-type': 'application/x-ndjson',
        'content-encoding': 'gzip',
        'content-length': body.length,
      });
      res.end(body);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/x-ndjson', 'content-length': blob.length });
    if (!fault) {
      if (this.pace > 0) paced(Readable.from(chunks(blob)), res, this.pace);
      else res.end(blob);
    } else if ('destroyAfter' in fault) {
      res.write(blob.subarray(0, fault.destroyAfter), () => res.socket?.resetAndDestroy());
    } else if ('shortAfter' in fault) {
      res.write(blob.subarray(0, fault.shortAfter), () => res.socket?.end());
    } else if ('stallAfter' in fault) {
      res.write(blob.subarray(0, fault.stallAfter));
    } else if ('trickle' in fault) {
      const { bytes, everyMs } = fault.trickle;
      let sent = 0;
      const timer = setInterval(() => {
        res.write(blob.subarray(sent, (sent += bytes)));
        if (sent < blob.length) return;
        clearInterval(timer);
        res.end();
      }, everyMs);
      res.on('close', () => clearInterval(timer));
    }
  }
}

function* chunks(blob: Buffer, size = 16 * 1024): Generator<Buffer> {
  for (let start = 0; start < blob.length; start += size) yield blob.subarray(start, start + size);
}

function signature(path: string, query: URLSearchParams): string {
  const signed = ['sv', 'se', 'sr', 'sp', 'part', 'gen'].map((key) => query.get(key)).join('\n');
  return createHmac('sha256', SECRET).update(`${path}\n${signed}`).digest('base64');
}

function refuse(res: ServerResponse, status: number, code: string): void {
  const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>Refused by the simulated link host.</Message></Error>`;
  res.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Sends a file at `bytesPerSecond`, the way a real link host serves one connection. */
function paced(stream: NodeJS.ReadableStream, res: ServerResponse, bytesPerSecond: number): void {
  const started = Date.now();
  let sent = 0;
  stream.on('data', (chunk: Buffer) => {
    sent += chunk.length;
    const due = started + (sent / bytesPerSecond) * 1000;
    const ok = res.write(chunk);
    const wait = Math.max(0, due - Date.now());
    if (wait > 0 || !ok) {
      stream.pause();
      const resume = (): void => void setTimeout(() => stream.resume(), Math.max(0, due - Date.now()));
      if (ok) resume();
      else res.once('drain', resume);
    }
  });
  stream.on('end', () => res.end());
  res.on('close', () => (stream as unknown as { destroy(): void }).destroy());
}
