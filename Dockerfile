# syntax=docker/dockerfile:1
# One image per service, from one Dockerfile:
#   docker build --build-arg SERVICE=volunteers -t timebank-volunteers .
# SERVICE (gateway, volunteers, accounting, requests, rewards) picks
# dist/apps/$SERVICE/src/main.js; it can also be changed at run time with -e SERVICE=...
ARG NODE_IMAGE=node:20-bookworm-slim

# All dependencies, for the build.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# The browser tests drive Debian's Chromium; no image needs a browser of its own.
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# TypeScript to dist/ (tsc + tsc-alias), and the web app (apps/web) to dist/web with
# Vite, as `npm run build` does everywhere.
FROM deps AS build
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY scripts ./scripts
COPY libs ./libs
COPY apps ./apps
RUN npm run build

# Production dependencies only.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
# dist/web is the web app the gateway serves at / (WEB_ROOT may point elsewhere).
COPY --from=build /app/dist ./dist
COPY scripts/healthcheck.js ./scripts/healthcheck.js
# The official image's unprivileged user; the files stay root-owned and read-only to it.
USER node
# Only the gateway listens (PORT, default 3000); the other services talk over NATS.
EXPOSE 3000
# Last, so the five images share every layer above.
ARG SERVICE=gateway
ENV SERVICE=${SERVICE}
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "scripts/healthcheck.js"]
# exec: node replaces the shell as PID 1, so the SIGTERM of `docker stop` reaches it.
CMD ["sh", "-c", "exec node dist/apps/${SERVICE}/src/main.js"]
