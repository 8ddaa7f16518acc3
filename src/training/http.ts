// The training module's routes.ts files need the server's guard, scope and types. This file is the one
// place where the module reaches up into src/server, so the layer exception is written once; nothing but
// routes.ts files may import it.
// biome-ignore lint/style/noRestrictedImports: HTTP edge of the training module (see above)
export { orgRoute, requireSession, scopeOf } from '../server/guard.ts';
// biome-ignore lint/style/noRestrictedImports: HTTP edge of the training module (see above)
export type { App, Deps, Scope } from '../server/types.ts';
