import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { Duplex } from "node:stream";
import { ERROR_CATALOGUE } from "@nns/domain";
import { PROBLEM_CONTENT_TYPE, type ProblemBody } from "./problem.js";

/** What Node's HTTP parser reports when the request line and headers pass its limit (16 KiB by default). */
const HEADER_OVERFLOW = "HPE_HEADER_OVERFLOW";

/** The path of the request line Node could not finish parsing, without its query; "/" when there is none. */
function pathOf(rawPacket: unknown): string {
  const line = Buffer.isBuffer(rawPacket) ? rawPacket.subarray(0, 2048).toString("latin1") : "";
  const target = /^[A-Z]+ (\/[^\s?#]*)/.exec(line)?.[1];
  return target && target.length <= 1024 ? target : "/";
}

/** The whole HTTP/1.1 answer to a request Node refused to parse, as problem+json like every other error. */
export function clientErrorResponse(error: { code?: string; rawPacket?: unknown }): string {
  const code = error.code === HEADER_OVERFLOW ? "headers_too_large" : "malformed_request";
  const { status, title } = ERROR_CATALOGUE[code];
  const requestId = randomUUID();
  const problem: ProblemBody = {
    type: `urn:problem:nns:${code}`,
    title,
    status,
    detail:
      code === "headers_too_large"
        ? "The request line and headers together exceed 16 KiB. Shorten the query string (send fewer or shorter filters) or the headers."
        : title,
    code,
    instance: pathOf(error.rawPacket),
    requestId,
  };
  const body = JSON.stringify(problem);
  return [
    `HTTP/1.1 ${status} ${status === 431 ? "Request Header Fields Too Large" : "Bad Request"}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-Request-Id: ${requestId}`,
    "Cache-Control: no-store",
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}

/**
 * Node answers a request it cannot parse before the app sees it, by default with an empty body. This
 * answers with a problem like every other error; a socket already gone or mid-response is just closed.
 */
export function answerUnparsableRequests(server: Server): void {
  server.on("clientError", (error: Error & { code?: string; rawPacket?: unknown }, socket: Duplex) => {
    if (error.code === "ERR_HTTP_REQUEST_TIMEOUT" && socket.writable) {
      // As Node answers it: the client sent nothing to parse, so there is nothing to explain.
      socket.end("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n");
      return;
    }
    if (!error.code?.startsWith("HPE_") || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorResponse(error));
  });
}
