// Plain node:http calls for the figures that need each answer (not a throughput): simultaneous redemptions,
// admissions, seeding guests. A fresh connection per call unless an agent is given.
import http from 'node:http';

export interface HttpAnswer {
  status: number;
  body: string;
}

export function request(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: unknown;
    agent?: http.Agent | false;
  } = {},
): Promise<HttpAnswer> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? 'GET',
        agent: options.agent ?? false,
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Redeems `count` guests on a link, `concurrency` at a time; returns their ids and session tokens. */
export async function redeemGuests(baseUrl: string, linkToken: string, count: number, concurrency = 20) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const guests: Array<{ id: string; session: string }> = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const answer = await request(`${baseUrl}/v1/links/${linkToken}/guests`, {
        method: 'POST',
        agent,
        body: { name: `Guest ${index}`, email: `guest${index}@example.com` },
      });
      if (answer.status !== 201) throw new Error(`redemption answered ${answer.status}: ${answer.body}`);
      const parsed = JSON.parse(answer.body) as { guest: { id: string }; session: string };
      guests.push({ id: parsed.guest.id, session: parsed.session });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return guests;
}
