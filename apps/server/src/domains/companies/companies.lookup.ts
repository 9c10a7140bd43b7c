import type { Conn } from '../../db/client.ts'
import * as repo from './companies.repo.ts'

// Reads of the tenant row that any domain may make (login, email wording); imports nothing
// but its repo, so auth and notifications stay below the rest of the graph.

export const findCompanyBySlug = (conn: Conn, slug: string) => repo.findCompanyBySlug(conn, slug)
export const findCompany = (conn: Conn, id: string) => repo.findCompany(conn, id)
