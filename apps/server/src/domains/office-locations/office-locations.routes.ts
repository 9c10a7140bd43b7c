import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'

export function officeLocationsRoutes(_app: App, _ctx: AppContext) {}
