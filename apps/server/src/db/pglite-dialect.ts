import type { PGlite, Results, Transaction } from '@electric-sql/pglite'
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely'

const ROLLBACK = Symbol('rollback')

/**
 * PGlite is a single session, so a Kysely transaction must own it from BEGIN to COMMIT.
 * Each transaction runs inside PGlite's own `transaction()`, which makes every other user
 * of the instance wait — other requests and pg-boss's polling alike — so rows of one
 * request can never end up inside another request's transaction.
 */
class PGliteConnection implements DatabaseConnection {
  readonly #pg: PGlite
  #tx: Transaction | undefined
  #settle: ((commit: boolean) => void) | undefined
  #done: Promise<void> | undefined

  constructor(pg: PGlite) {
    this.#pg = pg
  }

  async begin(): Promise<void> {
    const { promise: opened, resolve: open } = Promise.withResolvers<void>()
    this.#done = this.#pg
      .transaction(async (tx) => {
        this.#tx = tx
        open()
        const commit = await new Promise<boolean>((resolve) => {
          this.#settle = resolve
        })
        if (!commit) throw ROLLBACK
      })
      .catch((error: unknown) => {
        if (error !== ROLLBACK) throw error
      })
    await Promise.race([opened, this.#done])
  }

  async settle(commit: boolean): Promise<void> {
    this.#settle?.(commit)
    try {
      await this.#done
    } finally {
      this.#tx = undefined
      this.#settle = undefined
      this.#done = undefined
    }
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const target = this.#tx ?? this.#pg
    // Without parameters use the simple protocol, which (like pg's) allows several statements.
    const result: Results<R> =
      query.parameters.length === 0
        ? (((await target.exec(query.sql, { rowMode: 'object' })).at(-1) ?? {
            rows: [],
            fields: [],
          }) as Results<R>)
        : await target.query<R>(query.sql, query.parameters as unknown[], { rowMode: 'object' })
    const affected = result.affectedRows
    return {
      rows: result.rows,
      ...(affected !== undefined && result.command !== 'SELECT' ? { numAffectedRows: BigInt(affected) } : {}),
    }
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered by PGlite
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not support streaming queries')
  }
}

class PGliteDriver implements Driver {
  readonly #pg: PGlite
  constructor(pg: PGlite) {
    this.#pg = pg
  }
  async init(): Promise<void> {
    await this.#pg.waitReady
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new PGliteConnection(this.#pg)
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).begin()
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).settle(true)
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).settle(false)
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

export class PGliteDialect implements Dialect {
  readonly #pg: PGlite
  constructor(pg: PGlite) {
    this.#pg = pg
  }
  createAdapter() {
    return new PostgresAdapter()
  }
  createDriver() {
    return new PGliteDriver(this.#pg)
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler()
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db)
  }
}
