#!/bin/sh
# Stand-in for Prisma's native schema engine: `prisma generate` needs a path but never runs it.
echo "schema engine stub: use pnpm db:* (WebAssembly engine)" >&2
exit 1
