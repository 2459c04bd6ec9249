import Fastify from 'fastify';

/**
 * The floor under `npm run bench:api`: bare Fastify, the API's HTTP server, answering every
 * POST /graphql with a fixed `me`, on PORT. What the load generator and HTTP cost on this machine,
 * with nothing of NestJS, GraphQL or PostgreSQL.
 */
const app = Fastify({ logger: false });
const answer = { data: { me: { id: '00000000-0000-4000-8000-000000000000' } } };
app.post('/graphql', async () => answer);
app.get('/health', async () => ({ status: 'ok' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void app.close().then(() => process.exit(0)));
