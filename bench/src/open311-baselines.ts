import Fastify, { type FastifyInstance } from 'fastify';

/**
 * The bare routes Open311 is compared with: a plain Fastify app in the same process that parses the same
 * form body and answers Linli's own response body verbatim — the HTTP floor, without the token check and
 * count, the transaction, intake rules, case insert, audit entry, outbox events or the listing's queries.
 */
export async function startOpen311Baselines(b: {
  listBody: string;
  postBody: string;
}): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, new URLSearchParams(String(body))),
  );
  app.get('/requests.json', (_req, reply) => reply.type('application/json; charset=utf-8').send(b.listBody));
  app.post('/requests.json', (req, reply) => {
    const form = req.body as URLSearchParams;
    if (!form.get('api_key') || !form.get('service_code')) return reply.code(400).send('[]');
    return reply.code(201).type('application/json; charset=utf-8').send(b.postBody);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}` };
}
