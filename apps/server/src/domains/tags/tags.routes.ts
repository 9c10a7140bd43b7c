import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'

export function tagsRoutes(_app: App, _ctx: AppContext) {}
