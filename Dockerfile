# The API image for docker-compose.yml: builds the TypeScript and runs it against the neo4j service.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json ./
COPY src ./src
COPY tests ./tests
RUN npx tsc -p tsconfig.json && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY cypher ./cypher
COPY schema ./schema
COPY src/db/embedded ./src/db/embedded
COPY src/http/pages ./src/http/pages
EXPOSE 4000
USER node
CMD ["node", "dist/src/index.js"]
