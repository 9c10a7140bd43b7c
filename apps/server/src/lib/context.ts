import type { Logger } from 'pino'
import type { Config } from '../config.ts'
import type { Database, Db } from '../db/client.ts'
import type { Jobs } from './jobs.ts'
import type { Mailer } from './mailer.ts'
import type { Outbound } from './outbound.ts'
import type { SecretBox } from './secrets.ts'

/** What services and job handlers are given; passed explicitly, no container. */
export type AppContext = {
  config: Config
  database: Database
  db: Db
  log: Logger
  jobs: Jobs
  secrets: SecretBox
  /** null when SMTP_URL is not set: the mail log is then the mailbox. */
  mailer: Mailer | null
  /** The exchange's HTTP client, behind the SSRF guard. */
  outbound: Outbound
}
