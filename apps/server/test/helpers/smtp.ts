import type { AddressInfo } from 'node:net'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type Received = { envelopeTo: string[]; mail: ParsedMail }

/** A real SMTP server on loopback that keeps what it receives (parsed with mailparser). */
/** `refusing`: while true, every message is refused with a temporary 451, as a struggling server does. */
export async function startSmtp(port = 0, received: Received[] = [], control = { refusing: false }) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      if (control.refusing) {
        stream.resume()
        stream.on('end', () => done(Object.assign(new Error('Try again later'), { responseCode: 451 })))
        return
      }
      simpleParser(stream)
        .then((mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail })
          done()
        })
        .catch(done)
    },
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const address = server.server.address() as AddressInfo
  return {
    port: address.port,
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    control,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export async function eventually(check: () => boolean | Promise<boolean>, ms = 20_000) {
  const until = Date.now() + ms
  while (!(await check()) && Date.now() < until) await new Promise((r) => setTimeout(r, 100))
  return check()
}
