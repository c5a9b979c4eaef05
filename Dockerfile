# One image for web and worker (a monorepo of TypeScript-source packages):
# the compose file picks the command. Not runnable on machines without a Docker engine.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@10.34.9
COPY . .
RUN pnpm install --frozen-lockfile \
 && NEXT_TELEMETRY_DISABLED=1 pnpm exec turbo run build --filter=@souk/web --filter=@souk/worker

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
RUN npm install -g pnpm@10.34.9
COPY --from=build /app /app
USER node
EXPOSE 3000 3001
CMD ["pnpm", "--filter", "@souk/web", "start"]
