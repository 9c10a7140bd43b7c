import { CreateRoleBody, IdParams, PermissionInfo, page, Role, UpdateRoleBody } from '@tributary/contracts'
import { z } from 'zod'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import { createRole, deleteRole, getRole, listPermissions, listRoles, updateRole } from './roles.service.ts'

export function rolesRoutes(app: App, ctx: AppContext) {
  const tags = ['Roles']
  app.get(
    '/api/v1/permissions',
    {
      schema: {
        tags,
        summary: 'Every permission a role can grant',
        response: { 200: z.object({ items: z.array(PermissionInfo) }) },
      },
    },
    async () => ({ items: listPermissions() }),
  )
  app.get('/api/v1/roles', { schema: { tags, response: { 200: page(Role) } } }, (request) =>
    listRoles(ctx, actorOf(request)),
  )
  app.post(
    '/api/v1/roles',
    { schema: { tags, body: CreateRoleBody, response: { 201: Role } } },
    async (request, reply) => reply.code(201).send(await createRole(ctx, actorOf(request), request.body)),
  )
  app.get('/api/v1/roles/:id', { schema: { tags, params: IdParams, response: { 200: Role } } }, (request) =>
    getRole(ctx, actorOf(request), request.params.id),
  )
  app.patch(
    '/api/v1/roles/:id',
    { schema: { tags, params: IdParams, body: UpdateRoleBody, response: { 200: Role } } },
    (request) => updateRole(ctx, actorOf(request), request.params.id, request.body),
  )
  app.delete(
    '/api/v1/roles/:id',
    { schema: { tags, params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteRole(ctx, actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}
