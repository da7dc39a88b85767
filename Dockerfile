# pms-sandbox: the sandbox server on the current Node LTS, production dependencies only, as a non-root user.
# Node 26 ("Lithium") has been the Active LTS since 2026-10-28; Debian 13 (trixie) is its images' default base.
# No Docker engine runs in this project's CI: test/dockerfile.test.ts replays these steps in a clean copy instead.
FROM node:26-trixie-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY openapi ./openapi
COPY fixtures ./fixtures
RUN npm run build

FROM node:26-trixie-slim
ENV NODE_ENV=production PMS_SANDBOX_HOST=0.0.0.0 PORT=4010
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY openapi ./openapi
COPY fixtures ./fixtures
USER node
EXPOSE 4010
# Reads PORT, so `docker run -e PORT=...` keeps a true health check; no curl in slim images, so node asks.
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4010)+'/__sandbox/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/cli.js", "serve"]
