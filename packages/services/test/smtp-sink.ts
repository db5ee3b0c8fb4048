import { createServer } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMessage {
  to: string;
  raw: string;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives. It can stop listening (connections are
 * refused) and start again on the same port. Recipients starting with "nobody" are refused for good
 * (550); recipients starting with "busy" are refused for now (451) the first time they are tried.
 */
export class SmtpSink {
  readonly received: ReceivedMessage[] = [];
  readonly #triedBusy = new Set<string>();
  #server: SMTPServer | null = null;

  private constructor(readonly port: number) {}

  static async start(): Promise<SmtpSink> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const sink = new SmtpSink(port);
    await sink.serve();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async serve(): Promise<void> {
    if (this.#server) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      // Pooled connections stay open; stopping should not wait for them.
      closeTimeout: 100,
      onRcptTo: (address, _session, callback) => {
        if (address.address.startsWith("nobody"))
          return callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
        if (address.address.startsWith("busy") && !this.#triedBusy.has(address.address)) {
          this.#triedBusy.add(address.address);
          return callback(Object.assign(new Error("Mailbox busy, try later"), { responseCode: 451 }));
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          for (const rcpt of session.envelope.rcptTo) this.received.push({ to: rcpt.address, raw });
          callback();
        });
      },
    });
    this.#server = server;
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
  }

  /** Stops listening and drops open connections: from now on connections are refused. */
  async refuse(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  copiesFor(address: string): number {
    return this.received.filter((m) => m.to === address).length;
  }

  /** How many copies each address got. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.received) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
    return counts;
  }
}
