/** A counting SMTP sink in its own process: sends its port when listening, and its count on request. */
import { SMTPServer } from "smtp-server";

let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    stream.resume();
    stream.on("end", () => {
      count += session.envelope.rcptTo.length;
      callback();
    });
  },
});
server.listen(0, "127.0.0.1", () => process.send?.((server.server.address() as { port: number }).port));
process.on("message", () => process.send?.(count));
process.on("disconnect", () => server.close(() => process.exit(0)));
