# Tandem: the bot as one process with its SQLite file on a volume.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
COPY app ./app
COPY bench ./bench
COPY test/support ./test/support
COPY scripts ./scripts
# The bot runs from dist/app alone (main.js and its chunks: scripts/bundle.mjs). The rest of dist/,
# tsc's files, test helpers and benchmarks, is built with it but not shipped.
RUN npm run build && rm -rf dist/test dist/bench dist/src dist/commands && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json config.example.yaml ./
COPY migrations ./migrations
# The database (cell data and the bot's keys) lives on this volume: back it up.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
ENV TANDEM_DATABASE=/data/tandem.db TANDEM_CONFIG=/data/tandem.yaml
# Secrets come from the environment at run time, never from the image:
# TANDEM_DATABASE_KEY (the database is encrypted at rest), TANDEM_CRYPTO_STORE_KEY, and
# TANDEM_MATRIX_PASSWORD for the first start only.
CMD ["node", "dist/app/main.js"]
