/**
 * The host that serves the signed download links, on its own origin. It checks each link's
 * signature and expiry as blob storage does, records every request's headers, counts the
 * downloads in flight, and plays scripted faults.
 */
import { createHmac } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
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
      const fd = openSync(blob.file, 'r');
      const size = fstatSync(fd).size;
      res.writeHead(200, { 'content-type': 'application/x-ndjson', 'content-length': size });
      const slab = Buffer.allocUnsafeSlow(SLICE_BYTES);
      // One slab for every slice: the next is read only once the socket has taken the last.
      const read = (start: number, end: number): Buffer => slab.subarray(0, readSync(fd, slab, 0, end - start, start));
      sendSlices(res, size, read, this.pace, () => closeSync(fd));
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
      if (this.pace > 0) sendSlices(res, blob.length, (start, end) => blob.subarray(start, end), this.pace);
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

/**
 * Big slices keep the host's own work small: the benchmark shares the machine's cores with it,
 * while a real link host serves from elsewhere.
 */
const SLICE_BYTES = 256 * 1024;

/**
 * Sends `size` bytes a slice at a time, at `bytesPerSecond` the way a real link host serves one
 * connection (0: as fast as the socket takes them). `slice` gives the bytes from start to end;
 * the next slice is asked for only once the socket has taken the last, so it may reuse memory.
 */
function sendSlices(
  res: ServerResponse,
  size: number,
  slice: (start: number, end: number) => Buffer,
  bytesPerSecond: number,
  done: () => void = () => undefined,
): void {
  const started = Date.now();
  // A paced slice holds at most 10 ms of the connection's bytes, so a small body is paced too.
  const sliceBytes =
    bytesPerSecond > 0 ? Math.max(1, Math.min(SLICE_BYTES, Math.floor(bytesPerSecond / 100))) : SLICE_BYTES;
  let sent = 0;
  let timer: NodeJS.Timeout | undefined;
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    done();
  };
  const next = (): void => {
    if (sent >= size) {
      finish();
      res.end();
      return;
    }
    const chunk = slice(sent, Math.min(size, sent + sliceBytes));
    sent += chunk.length;
    res.write(chunk, (error) => {
      if (error) return finish();
      const due = bytesPerSecond > 0 ? started + (sent / bytesPerSecond) * 1000 : 0;
      timer = setTimeout(next, Math.max(0, due - Date.now()));
    });
  };
  res.on('close', finish);
  next();
}
