import http from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { E2E_MAIL_CONTROL_PORT, E2E_SMTP_PORT } from "../env";

/**
 * The e2e run's SMTP server (Playwright's global set-up): a real smtp-server
 * on E2E_SMTP_PORT that the app's SMTP_URL names, keeping every mail it takes,
 * parsed by mailparser. Tests, in other processes, read and steer it over a
 * small HTTP API on E2E_MAIL_CONTROL_PORT (e2e/support/mail.ts):
 * GET /mails, POST /stop (the server goes away: connections are refused),
 * POST /start.
 */

export interface CaughtMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  at: number;
}

const caught: CaughtMail[] = [];
let smtp: SMTPServer | null = null;

function startSmtp(): Promise<void> {
  if (smtp) return Promise.resolve();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          caught.push({ to, from: mail.from?.text ?? "", subject: mail.subject ?? "", text: mail.text ?? "", html: typeof mail.html === "string" ? mail.html : "", at: Date.now() });
          callback();
        })
        .catch(callback);
    },
  });
  smtp = server;
  return new Promise((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(E2E_SMTP_PORT, "127.0.0.1", () => resolve());
  });
}

function stopSmtp(): Promise<void> {
  const server = smtp;
  smtp = null;
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

function control(): http.Server {
  return http.createServer((req, res) => {
    const answer = (body: unknown) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method === "GET" && req.url === "/mails") return answer(caught);
    if (req.method === "POST" && req.url === "/stop") return void stopSmtp().then(() => answer({ running: false }));
    if (req.method === "POST" && req.url === "/start") return void startSmtp().then(() => answer({ running: true }), (e: Error) => answer({ error: e.message }));
    res.writeHead(404).end();
  });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  await startSmtp();
  const api = control();
  await new Promise<void>((resolve, reject) => {
    api.once("error", reject);
    api.listen(E2E_MAIL_CONTROL_PORT, "127.0.0.1", () => resolve());
  });
  return async () => {
    await stopSmtp();
    await new Promise((resolve) => api.close(resolve));
  };
}
