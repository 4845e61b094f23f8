# The Duban app (worker + API + console). With TEMPORAL_ADDRESS set, `npm start`
# connects to that Temporal cluster instead of starting its own dev server.
FROM node:20-bookworm
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY runtime ./runtime
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run -s build:ui
ENV TZ=UTC NODE_ENV=production
EXPOSE 4000
CMD ["npm", "start"]
