# syntax=docker/dockerfile:1
# The NNS platform as one image: the API, which also serves the built admin app, and the same CLI for the
# migration step (`node apps/api/dist/cli.js migrate`) and background workers (`... cli.js worker`).
# docs/deployment.md says how to build and run it; packages/config/test/deployment.test.ts holds this file
# to the commands CI runs (.ci/run) and reproduces the runtime stage's file list without Docker.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV CI=true

# Dependencies, from the manifests alone so that this layer is reused until one of them changes.
FROM base AS deps
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY patches ./patches
COPY apps/admin/package.json ./apps/admin/
COPY apps/api/package.json ./apps/api/
COPY packages/api-client/package.json ./packages/api-client/
COPY packages/config/package.json ./packages/config/
COPY packages/db/package.json ./packages/db/
COPY packages/domain/package.json ./packages/domain/
COPY packages/services/package.json ./packages/services/
RUN npx -y pnpm@10 install --frozen-lockfile

# The build CI runs (turbo run build): the API bundle in apps/api/dist, the admin app in apps/admin/dist.
FROM deps AS build
COPY . .
RUN npx -y pnpm@10 build

# Only what the API needs at run time: its bundle keeps PGlite, argon2 and Scalar external, and @nns/db's
# migrations and @nns/services's Peppol rules are read from their packages' folders.
FROM deps AS prod-deps
RUN rm -rf node_modules apps/*/node_modules packages/*/node_modules \
  && npx -y pnpm@10 install --prod --frozen-lockfile --filter "@nns/api..."

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
# The embedded database (no DATABASE_URL) keeps its files here; everything else in the image is read-only
# to the user the process runs as.
RUN mkdir /data && chown node:node /data
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=prod-deps /app/apps/api/node_modules ./apps/api/node_modules
COPY --from=prod-deps /app/packages/db/node_modules ./packages/db/node_modules
COPY --from=prod-deps /app/packages/services/node_modules ./packages/services/node_modules
COPY --from=build /app/apps/api/package.json ./apps/api/
COPY --from=build /app/apps/api/dist ./apps/api/dist
COPY --from=build /app/apps/admin/dist ./apps/admin/dist
COPY --from=build /app/packages/db/package.json ./packages/db/
COPY --from=build /app/packages/db/migrations ./packages/db/migrations
COPY --from=build /app/packages/services/package.json ./packages/services/
COPY --from=build /app/packages/services/src/billing/peppol/validate-worker.mjs ./packages/services/src/billing/peppol/
COPY --from=build /app/packages/services/src/billing/peppol/rules ./packages/services/src/billing/peppol/rules
# The node image's unprivileged user (uid 1000); Kubernetes' runAsNonRoot needs the number.
USER 1000:1000
EXPOSE 3000
# Liveness only: the slim image has no curl, and /ready would mark a container unhealthy while the
# database is away, which restarting it does not fix (docs/operations.md, database outages).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/api/dist/server.js"]
