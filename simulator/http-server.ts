import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** An HTTP server on a free loopback port that can be closed even with stalled connections. */
export class LocalServer {
  private readonly sockets = new Set<Socket>();
  private constructor(
    readonly server: http.Server,
    readonly url: string,
  ) {
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(handler: http.RequestListener, host = '127.0.0.1'): Promise<LocalServer> {
    const server = http.createServer(handler);
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const { port } = server.address() as AddressInfo;
    return new LocalServer(server, `http://${host}:${port}`);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Headers of a request, as received, for assertions. */
export type SeenHeaders = Record<string, string | string[] | undefined>;
