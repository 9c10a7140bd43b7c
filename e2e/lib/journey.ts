import type { Page } from 'playwright-core'
import type { RunningServer } from './server.ts'

export type JourneyContext = {
  /** A fresh page in its own browser context (no cookies), with the server's address as base URL. */
  page: Page
  server: RunningServer
  /** Call after every page the journey visits. */
  screenshot: (name: string) => Promise<void>
  /** One line of progress. */
  step: (text: string) => void
}

export type Journey = { name: string; run: (context: JourneyContext) => Promise<void> }
