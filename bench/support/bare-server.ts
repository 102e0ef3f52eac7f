// The baseline: a bare Fastify route with nothing behind it, started the same way as the product.
// GET /bare answers a constant; POST /bare takes a JSON body (parsed, as a product route's is) and
// answers 201 with a small JSON, for benches of endpoints that receive a form.
import Fastify from 'fastify';

const app = Fastify();
app.get('/bare', async () => ({ status: 'ok' }));
app.post('/bare', async (request, reply) => {
  const body = request.body as { text?: unknown } | undefined;
  reply.status(201);
  return { received: typeof body?.text === 'string' };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
