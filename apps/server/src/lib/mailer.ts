import nodemailer from 'nodemailer'

export type OutgoingMail = { id: string; to: string[]; subject: string; text: string; html: string | null }
export type Mailer = { send(mail: OutgoingMail): Promise<void>; close(): void }

/**
 * SMTP through nodemailer, from SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS).
 * Each mail carries a Message-ID made from its row id, so a receiver can tell a resend.
 */
export function createMailer(smtpUrl: string, from: string, publicHost: string): Mailer {
  const url = new URL(smtpUrl)
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
    secure: url.protocol === 'smtps:',
    ...(url.username && {
      auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    }),
    pool: true,
    maxConnections: 2,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 15_000,
  })
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html && { html: mail.html }),
        messageId: `<${mail.id}@${publicHost}>`,
      })
    },
    close: () => transport.close(),
  }
}
