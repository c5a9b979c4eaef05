// Prisma CLI config (Prisma 7 reads the datasource URL here, not from the schema).
// Only `prisma generate` runs through the CLI on these machines; migrations go
// through packages/db/scripts/db.ts (the schema engine as WebAssembly).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
