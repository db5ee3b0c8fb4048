/**
 * The floor every API figure is compared with: the same database work done the simplest way, a bare
 * `node:http` server with postgres.js as the application role, no framework, no auth, no validation.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";

export interface FloorServer {
  origin: string;
  close: () => Promise<void>;
}

/** `handle` gets the request and a pool connected as the app role; what it returns is sent as JSON. */
export async function startFloorServer(
  appUrl: string,
  poolMax: number,
  handle: (sql: postgres.Sql, url: URL, body: string) => Promise<unknown>,
): Promise<FloorServer> {
  // The same pool settings as the API's request pool (see @nns/db openDatabase).
  const sql = postgres(appUrl, { max: poolMax, prepare: false, onnotice: () => {} });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://floor");
      handle(sql, url, Buffer.concat(chunks).toString("utf8")).then(
        (result) => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify(result));
        },
        (error: unknown) => {
          res.writeHead(500, { "content-type": "text/plain" });
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await sql.end({ timeout: 5 });
    },
  };
}
