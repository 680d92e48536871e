// Host tokens for more hosts of a seeded room: the seeded token's claims with another `sub`, signed with the
// tenant's secret as the database holds it, so each host counts against its own stream cap.
import { decode, sign } from 'hono/jwt';
import { decrypt } from '../../api/secrets.ts';
import { openStoreWithSecret } from '../../api/server.ts';
import { SERVER_SECRET } from './fixture.ts';

export async function moreHostTokens(dbFile: string, hostToken: string, count: number): Promise<string[]> {
  const claims = decode(hostToken).payload;
  const { store, serverSecret } = await openStoreWithSecret(dbFile, { serverSecret: SERVER_SECRET });
  try {
    const found = await store.tenants.withSealedSecrets(String(claims.iss));
    const sealed = found?.sealed[0];
    if (!sealed) throw new Error(`no signing secret for tenant ${claims.iss}`);
    const secret = decrypt(serverSecret, sealed);
    return await Promise.all(
      Array.from({ length: count }, (_, index) =>
        sign({ ...claims, sub: `bench-host-${index + 1}` }, secret, 'HS256'),
      ),
    );
  } finally {
    await store.close();
  }
}
