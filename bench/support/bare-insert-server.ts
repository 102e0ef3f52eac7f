// The baseline of the voting benchmark: a bare Fastify route that inserts one row (the request's
// JSON) into the same kind of database the product runs on, opened the way the product opens it
// (PGlite with fsync on, or the PostgreSQL pool), one autocommitted INSERT per request.
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { openDatabase } from '../../src/db/client';

const database = await openDatabase({
  url: process.env.DATABASE_URL || undefined,
  dataDir: process.env.MINSHENG_DATA_DIR,
});
await database.db.execute(
  sql`create table if not exists bench_rows (id bigserial primary key, body jsonb not null)`,
);
const app = Fastify();
app.get('/bare', async () => ({ status: 'ok' }));
app.post('/bare-insert', async (request) => {
  await database.db.execute(
    sql`insert into bench_rows (body) values (${JSON.stringify(request.body)}::jsonb)`,
  );
  return { ok: true };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
