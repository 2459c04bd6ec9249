# syntax=docker/dockerfile:1
#
# The Hundred web image: the React app built to static files and served by nginx on port 8080,
# which also proxies /graphql and /health to http://api:3000 (infra/nginx.conf).
#
# Build from the repository root (the context must hold the whole workspace):
#   docker build -f infra/web.Dockerfile -t hundred/web .

ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginx:1.27-alpine

# ---- build -----------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# npm 11 applies package.json's allowScripts; the npm 10 that ships with Node 20 ignores it.
ARG NPM_VERSION=11.19.1
RUN npm install -g "npm@${NPM_VERSION}" && npm --version
# Manifests only, so that the install layer is reused until dependencies change. npm needs the
# package.json of every workspace.
COPY package.json package-lock.json ./
COPY libs/domain/package.json libs/domain/
COPY libs/workflow/package.json libs/workflow/
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY test/package.json test/
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.base.json ./
COPY libs/domain/ libs/domain/
COPY libs/workflow/ libs/workflow/
# The GraphQL schema the web's typed operations are generated from.
COPY apps/api/schema.gql apps/api/
COPY apps/web/ apps/web/
# The shared libraries first (for imports that resolve to their dist/), then the app:
# generated GraphQL types, then `vite build` into apps/web/dist.
RUN npx tsc -b libs/domain/tsconfig.lib.json libs/workflow/tsconfig.lib.json \
 && npm run build -w @hundred/web \
 && test -f apps/web/dist/index.html

# ---- runtime: nginx --------------------------------------------------------------------------
FROM ${NGINX_IMAGE} AS runtime
RUN rm -f /etc/nginx/conf.d/default.conf \
 && rm -rf /usr/share/nginx/html/*
COPY infra/nginx.conf /etc/nginx/nginx.conf
COPY --from=build /app/apps/web/dist/ /usr/share/nginx/html/
# The image's "nginx" user, by number so that Kubernetes can check runAsNonRoot; nginx.conf
# keeps its pid and temporary files in /tmp and listens on an unprivileged port.
USER 101:101
EXPOSE 8080
# nginx finishes the requests in flight on SIGQUIT.
STOPSIGNAL SIGQUIT
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/"]
CMD ["nginx", "-g", "daemon off;"]
