import { CreateUserBody, IdParams, PageQuery, page, UpdateUserBody, User } from '@tributary/contracts'
import { z } from 'zod'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import { createUser, deleteUser, getUser, listUsers, updateUser } from './users.service.ts'

export function usersRoutes(app: App, ctx: AppContext) {
  const tags = ['Users']
  app.get(
    '/api/v1/users',
    { schema: { tags, querystring: PageQuery, response: { 200: page(User) } } },
    (request) => listUsers(ctx, actorOf(request), request.query),
  )
  app.post(
    '/api/v1/users',
    { schema: { tags, body: CreateUserBody, response: { 201: User } } },
    async (request, reply) => reply.code(201).send(await createUser(ctx, actorOf(request), request.body)),
  )
  app.get('/api/v1/users/:id', { schema: { tags, params: IdParams, response: { 200: User } } }, (request) =>
    getUser(ctx, actorOf(request), request.params.id),
  )
  app.patch(
    '/api/v1/users/:id',
    { schema: { tags, params: IdParams, body: UpdateUserBody, response: { 200: User } } },
    (request) => updateUser(ctx, actorOf(request), request.params.id, request.body),
  )
  app.delete(
    '/api/v1/users/:id',
    { schema: { tags, params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteUser(ctx, actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}
