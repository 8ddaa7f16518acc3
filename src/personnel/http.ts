// The personnel module's routes.ts files sit in their features (ARCHITECTURE.md §2) but need the server's
// guard, scope and types. This file is the one place where the module reaches up into src/server, so the
// layer exception is written once; nothing but routes.ts files may import it.
// biome-ignore lint/style/noRestrictedImports: HTTP edge of the personnel module (see above)
export { orgRoute, scopeOf } from '../server/guard.ts';
// biome-ignore lint/style/noRestrictedImports: HTTP edge of the personnel module (see above)
export { createOnce } from '../server/idempotency.ts';
// biome-ignore lint/style/noRestrictedImports: HTTP edge of the personnel module (see above)
export { readCacheOf } from '../server/read-cache.ts';
// biome-ignore lint/style/noRestrictedImports: HTTP edge of the personnel module (see above)
export type { App, Deps } from '../server/types.ts';
