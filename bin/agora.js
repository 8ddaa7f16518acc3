#!/usr/bin/env -S node --max-old-space-size=192
// The `agora` command: runs the TypeScript sources through tsx (Node 20 cannot strip types itself). The
// heap is capped like `npm start`'s (docs/operations.md): V8 then collects before garbage piles up.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/agora.ts');
