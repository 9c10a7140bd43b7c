import type { PGlite } from '@electric-sql/pglite'
import {
  AliasNode,
  DeleteQueryNode,
  InsertQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  TableNode,
  type UnknownRow,
  UpdateQueryNode,
} from 'kysely'
import pg from 'pg'

/** The channel migration 0051's triggers notify, with the company id, when what is cached changes. */
const CHANNEL = 'tributary_changes'
const MAX_ENTRIES = 10_000
const RECONNECT_MS = 1_000
/** The tables behind what is cached (migration 0051 notifies their changes). */
const WATCHED = new Set([
  'sessions',
  'api_keys',
  'users',
  'user_roles',
  'roles',
  'partner_companies',
  'queue_settings',
  'companies',
  'lead_management_settings',
])

type Entry = { value: unknown; until: number }
/** A listening connection: `sync` resolves once every change committed before it was called is heard. */
type Listener = { stop(): Promise<void>; sync(): Promise<void> }
type Listen = (onChange: (companyId: string) => void, onLost: () => void) => Promise<Listener>

/**
 * What requests read again and again and rarely changes (the caller behind a token, a company's
 * queue settings, a lead source), kept per company in this process. Every change to the tables
 * behind it notifies `tributary_changes` with the company's id in the changing transaction
 * (triggers, migration 0051), so every process drops that company's entries as the change commits.
 * A notification travels on its own and may come after a request that follows the change, so a
 * cached value is used only after a round trip on the listening connection that started after the
 * request did (PostgreSQL delivers the notifications pending for a connection before it answers);
 * requests arriving together share one. Nothing is cached while the listening connection is down
 * (a change could go unheard), and a value read while a change came in is not kept.
 */
export class CompanyCache {
  #entries = new Map<string, Map<string, Entry>>()
  #size = 0
  /** Bumped by every change heard: a load that saw it move keeps its value to itself. */
  #generation = 0
  #listening = false
  #started = false
  #closed = false
  #listener: Listener | undefined
  #syncing: Promise<void> | null = null
  #nextSync: Promise<void> | null = null
  readonly #listen: Listen

  constructor(listen: Listen) {
    this.#listen = listen
  }

  /** The cached value of `key` for the company, else `load()`'s (kept for `ttlMs` unless null). */
  async get<T>(companyId: string, key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    if (!this.#started) this.#start()
    if (this.#entries.get(companyId)?.has(key) && (await this.#sync())) {
      const entry = this.#entries.get(companyId)?.get(key)
      if (entry && entry.until > Date.now()) return entry.value as T
    }
    const generation = this.#generation
    const value = await load()
    if (value !== null && value !== undefined && this.#listening && generation === this.#generation) {
      this.#put(companyId, key, { value, until: Date.now() + ttlMs })
    }
    return value
  }

  /**
   * Drops everything once this process has written to a watched table, before the request that
   * wrote answers: its next request must not meet the old value while the notification is still
   * on its way. (A new session is no change.) Writes there are administration, so this is rare.
   */
  readonly plugin: KyselyPlugin = {
    transformQuery: (args: PluginTransformQueryArgs): RootOperationNode => {
      if (writesWatched(args.node)) this.#writes.add(args.queryId)
      return args.node
    },
    transformResult: async (args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => {
      if (this.#writes.delete(args.queryId)) this.#lost(this.#listening)
      return args.result
    },
  }
  readonly #writes = new WeakSet<QueryId>()

  async close() {
    this.#closed = true
    this.#lost()
    await this.#listener?.stop().catch(() => {})
  }

  /** True once a round trip that started after this call has come back on the listening connection. */
  async #sync(): Promise<boolean> {
    const listener = this.#listener
    if (!listener || !this.#listening) return false
    if (!this.#syncing) {
      this.#syncing = listener.sync().finally(() => {
        this.#syncing = null
      })
    } else {
      // The one in flight may have started before this request: wait for the next.
      this.#nextSync ??= this.#syncing
        .catch(() => {})
        .then(() => {
          this.#nextSync = null
          return this.#sync().then(() => {})
        })
      return this.#nextSync.then(
        () => this.#listening,
        () => false,
      )
    }
    return this.#syncing.then(
      () => this.#listening,
      () => false,
    )
  }

  #put(companyId: string, key: string, entry: Entry) {
    if (this.#size >= MAX_ENTRIES) this.#clear()
    let company = this.#entries.get(companyId)
    if (!company) {
      company = new Map()
      this.#entries.set(companyId, company)
    }
    if (!company.has(key)) this.#size++
    company.set(key, entry)
  }

  #clear() {
    this.#entries.clear()
    this.#size = 0
  }

  #changed = (companyId: string) => {
    this.#generation++
    const company = this.#entries.get(companyId)
    if (company) {
      this.#size -= company.size
      this.#entries.delete(companyId)
    }
  }

  #lost = (listening = false) => {
    this.#listening = listening
    this.#generation++
    this.#clear()
  }

  #start() {
    this.#started = true
    this.#listen(this.#changed, () => {
      this.#lost()
      if (!this.#closed) setTimeout(() => this.#start(), RECONNECT_MS).unref()
    })
      .then((listener) => {
        this.#listener = listener
        if (this.#closed) return listener.stop()
        // Anything read before now may predate a change that went unheard.
        this.#lost()
        this.#listening = true
      })
      .catch(() => {
        if (!this.#closed) setTimeout(() => this.#start(), RECONNECT_MS).unref()
      })
  }
}

function tableName(node: OperationNode | undefined): string | undefined {
  if (!node) return undefined
  if (AliasNode.is(node)) return tableName(node.node)
  return TableNode.is(node) ? node.table.identifier.name : undefined
}

function writesWatched(node: RootOperationNode): boolean {
  let table: string | undefined
  if (InsertQueryNode.is(node)) table = node.into && tableName(node.into)
  else if (UpdateQueryNode.is(node)) table = tableName(node.table)
  else if (DeleteQueryNode.is(node)) table = tableName(node.from.froms[0])
  return table !== undefined && WATCHED.has(table) && !(table === 'sessions' && InsertQueryNode.is(node))
}

/** Listens on its own connection (the pool's are shared); `onLost` when that connection ends. */
export function postgresCache(connectionString: string): CompanyCache {
  return new CompanyCache(async (onChange, onLost) => {
    // A stalled connection must not hold requests: a sync that times out counts as not heard.
    const client = new pg.Client({ connectionString, query_timeout: 5_000 })
    let ended = false
    const end = () => {
      if (ended) return
      ended = true
      onLost()
    }
    client.on('error', () => {
      end()
      client.end().catch(() => {})
    })
    client.on('end', end)
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) onChange(n.payload)
    })
    try {
      await client.connect()
      await client.query(`listen ${CHANNEL}`)
    } catch (error) {
      ended = true
      await client.end().catch(() => {})
      throw error
    }
    return {
      stop: async () => {
        ended = true
        await client.end()
      },
      sync: async () => {
        await client.query('select 1')
      },
    }
  })
}

/**
 * The embedded database is one session in this process: every change is this process's own, and
 * the plugin has dropped the cache before the writing request answers, so there is nothing to wait for.
 */
export function pgliteCache(pglite: PGlite): CompanyCache {
  return new CompanyCache(async (onChange) => {
    const unlisten = await pglite.listen(CHANNEL, (payload) => {
      if (payload) onChange(payload)
    })
    return { stop: () => unlisten(), sync: async () => {} }
  })
}
