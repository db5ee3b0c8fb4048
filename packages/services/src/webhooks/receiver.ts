import { createServer, type IncomingHttpHeaders, type Server } from "node:http";

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The status this receiver answered with. */
  answered: number;
}

/**
 * A real HTTP receiver on 127.0.0.1 for the webhook tests of this package and of the API: records every
 * request, answers with the status it is set to, and can be stopped (port closed) and started again on
 * the same port, like a receiver that is down and comes back.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  status = 200;
  #server: Server | null = null;
  #port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const answered = this.status;
        this.received.push({
          path: req.url ?? "/",
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          answered,
        });
        res.writeHead(answered, { "content-type": "text/plain" });
        res.end(answered < 300 ? "ok" : `fel ${answered}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(this.#port, "127.0.0.1", resolve));
    this.#port = (server.address() as { port: number }).port;
    this.#server = server;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The requests of one path, parsed. */
  at(path: string): (ReceivedWebhook & {
    payload: { id: string; type: string; data: { object: Record<string, unknown> } };
  })[] {
    return this.received.filter((r) => r.path === path).map((r) => ({ ...r, payload: JSON.parse(r.body) }));
  }
}
