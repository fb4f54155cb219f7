import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * How the database goes away. `stopped`: nothing listens (PostgreSQL is down). `dropping`: connections
 * are accepted and closed at once (a pooler or load balancer in front of a database that is not there).
 * `silent`: connections stay open and carry nothing (the network drops packets).
 */
export type Outage = 'stopped' | 'dropping' | 'silent';

/**
 * A TCP proxy on 127.0.0.1 between the server and its PostgreSQL, so a test can take the database away
 * in each of those ways and give it back.
 */
export class DatabaseLine {
  private server: Server | undefined;
  private readonly open = new Set<Socket>();
  private outage: Outage | undefined;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<number> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, '127.0.0.1', resolve);
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this.port;
  }

  private accept(client: Socket): void {
    if (this.outage === 'dropping') {
      client.destroy();
      return;
    }
    const upstream = connect(this.target.port, this.target.host);
    for (const socket of [client, upstream]) {
      this.open.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        this.open.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => this.outage === undefined && upstream.write(chunk));
    upstream.on('data', (chunk: Buffer) => this.outage === undefined && client.write(chunk));
  }

  private dropAll(): void {
    for (const socket of this.open) socket.destroy();
  }

  private async stopListening(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async cut(outage: Outage): Promise<void> {
    this.outage = outage;
    if (outage !== 'silent') this.dropAll();
    if (outage === 'stopped') await this.stopListening();
  }

  async restore(): Promise<void> {
    if (this.outage === undefined) return;
    // Connections that lost bytes while silent are out of step with the protocol, as after a real reset.
    this.dropAll();
    this.outage = undefined;
    if (!this.server) await this.start();
  }

  async close(): Promise<void> {
    this.dropAll();
    await this.stopListening();
  }
}
