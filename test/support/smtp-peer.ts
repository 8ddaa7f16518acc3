import { createServer } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type SmtpPeer = { port: number; received: ParsedMail[]; close: () => Promise<void> };

/** A free TCP port on 127.0.0.1 (nothing listens there once this returns). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A real SMTP server (the smtp-server package) that keeps what it receives, parsed by mailparser.
 * Plain SMTP without STARTTLS; it accepts any login, and `rejectRecipient` makes it refuse one address.
 */
export async function startSmtpPeer(
  port = 0,
  options: { rejectRecipient?: string; requireAuth?: { user: string; pass: string } } = {},
): Promise<SmtpPeer> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: options.requireAuth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !options.requireAuth,
    logger: false,
    onAuth(auth, _session, callback) {
      const ok = auth.username === options.requireAuth?.user && auth.password === options.requireAuth?.pass;
      callback(
        ok ? null : new Error('Invalid username or password'),
        ok ? { user: auth.username } : undefined,
      );
    },
    onRcptTo(address, _session, callback) {
      if (address.address === options.rejectRecipient) {
        const error = new Error('No such user') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as { port: number };
  return {
    port: address.port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
