# syntax=docker/dockerfile:1
#
# The Hundred API image. One image, four commands:
#   node apps/api/dist/main.js                the HTTP API (default; HUNDRED_ROLE=all also runs the worker)
#   node apps/api/dist/worker.js              the job worker
#   node apps/api/dist/migrate.js    migrations (creates the database if missing)
#   node apps/api/dist/seed/seed-cli.js       demo data
#
# Build from the repository root (the context must hold the whole workspace):
#   docker build -f infra/api.Dockerfile -t hundred/api .

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- base: tools and the workspace's package manifests --------------------------------------
FROM ${NODE_IMAGE} AS base
WORKDIR /app
# npm 11 applies package.json's allowScripts; the npm 10 that ships with Node 20 ignores it.
ARG NPM_VERSION=11.19.1
RUN npm install -g "npm@${NPM_VERSION}" && npm --version
# Compilers for native addons built from source (see the argon2 step below).
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# Manifests only, so that the install layers are reused until dependencies change. npm needs
# the package.json of every workspace, also of those this image does not use.
COPY package.json package-lock.json ./
COPY libs/domain/package.json libs/domain/
COPY libs/workflow/package.json libs/workflow/
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY test/package.json test/

# ---- build: every dependency, then libs/domain, libs/workflow and the API compiled ----------
FROM base AS build
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.base.json ./
COPY libs/domain/ libs/domain/
COPY libs/workflow/ libs/workflow/
COPY apps/api/ apps/api/
# tsc -b builds the referenced libraries into their dist/ first.
RUN npx tsc -b apps/api/tsconfig.app.json \
 && mkdir -p /out/apps/api /out/libs/domain /out/libs/workflow \
 && cp -a apps/api/dist /out/apps/api/ \
 && for lib in domain workflow; do \
      if [ -d "libs/$lib/dist" ]; then cp -a "libs/$lib/dist" "/out/libs/$lib/"; fi; \
    done \
 && find /out -name '*.tsbuildinfo' -delete

# ---- prod-deps: the API's runtime dependencies only ------------------------------------------
FROM base AS prod-deps
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund --omit=dev --workspace @hundred/api
# argon2's prebuilt binary targets Node-API 10 (Node 22 and newer) and does not load on Node 20,
# and package.json's allowScripts does not run its install script: build it from source against
# this Node when the prebuilt one does not load, then check that it hashes.
RUN set -eu; \
    cd apps/api; \
    dir=$(node -p "require('node:path').dirname(require.resolve('argon2'))"); \
    if ! node -e "require('argon2')" >/dev/null 2>&1; then \
      echo "argon2: building from source in $dir"; \
      nodedir=$(node -p "require('node:path').resolve(process.execPath, '../..')"); \
      (cd "$dir" \
        && node "$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js" rebuild --nodedir="$nodedir" \
        && rm -rf build/Release/obj.target build/Release/.deps build/Release/obj build/Release/*.a); \
    fi; \
    node -e "import('argon2').then((a) => a.hash('image check')).then(() => console.log('argon2 loads'))"; \
    rm -rf /app/infra

# ---- runtime ---------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    NODE_OPTIONS=--enable-source-maps
WORKDIR /app
# Debian's Chromium prints PDF exports (the worker launches it; nothing is downloaded at run time).
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium \
 && rm -rf /var/lib/apt/lists/*
# The API runs with node alone: no package manager in the image.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
# Owned by root and read-only for the user the API runs as.
COPY --from=prod-deps /app/ /app/
COPY --from=build /out/ /app/
# The image's "node" user, by number so that Kubernetes can check runAsNonRoot.
USER 1000:1000
EXPOSE 3000
# The API and the worker stop gracefully on SIGTERM within SHUTDOWN_TIMEOUT_MS.
STOPSIGNAL SIGTERM
# For the HTTP API; the worker serves no HTTP (compose disables this check for it).
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# One HTTP API process per core, up to 8 (Kubernetes sets 1 a pod and scales pods instead).
ENV API_PROCESSES=auto
CMD ["node", "apps/api/dist/main.js"]
