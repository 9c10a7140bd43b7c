import {
  Activity,
  ActivityBody,
  CommentBody,
  CommentEntry,
  IdParams,
  PageQuery,
  page,
} from '@tributary/contracts'
import { type Actor, actorOf } from '../../lib/actor.ts'
import type { App } from '../../lib/http-types.ts'

type Page<T> = { items: T[]; nextCursor: string | null }

/** What a record's domain does for its comments and activities (its own visibility and rights). */
export type RecordHistory = {
  comments(actor: Actor, id: string, query: PageQuery): Promise<Page<CommentEntry>>
  comment(actor: Actor, id: string, text: string): Promise<CommentEntry>
  activities(actor: Actor, id: string, query: PageQuery): Promise<Page<Activity>>
  logActivity(actor: Actor, id: string, input: ActivityBody): Promise<Activity>
}

/** `GET|POST {base}/:id/comments` and `GET|POST {base}/:id/activities`, for leads and customers alike. */
export function recordHistoryRoutes(app: App, base: string, tags: string[], history: RecordHistory) {
  app.get(
    `${base}/:id/comments`,
    {
      schema: {
        tags,
        summary: 'Call-center comments, oldest first: every entry kept, a return adds its own',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: page(CommentEntry) },
      },
    },
    (request) => history.comments(actorOf(request), request.params.id, request.query),
  )
  app.post(
    `${base}/:id/comments`,
    {
      schema: {
        tags,
        summary: 'Add a call-center comment; earlier ones stay',
        params: IdParams,
        body: CommentBody,
        response: { 201: CommentEntry },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await history.comment(actorOf(request), request.params.id, request.body.text)),
  )
  app.get(
    `${base}/:id/activities`,
    {
      schema: {
        tags,
        summary: 'Notes and calls, oldest first',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: page(Activity) },
      },
    },
    (request) => history.activities(actorOf(request), request.params.id, request.query),
  )
  app.post(
    `${base}/:id/activities`,
    {
      schema: {
        tags,
        summary: "Log a note or a call; a follow-up time lists it in the author's follow-ups that day",
        params: IdParams,
        body: ActivityBody,
        response: { 201: Activity },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await history.logActivity(actorOf(request), request.params.id, request.body)),
  )
}
