// Host tokens for the element, minted by the demo's backend (POST /demo/api/token), the way an
// integrator's backend would mint them for its signed-in user: the tenant's signing secret never
// reaches the browser. A token is reused until a minute before it expires, or until the element
// asks for a fresh one (after a 401).

export type Identity = 'host' | 'moderator';

interface MintedToken {
  token: string;
  expiresAt: string;
}

export function hostTokenSource(room: string, identity: Identity) {
  let current: MintedToken | undefined;
  return async (refresh = false): Promise<string> => {
    const fresh = current && Date.parse(current.expiresAt) - Date.now() > 60_000;
    if (!current || !fresh || refresh) current = await mint(room, identity);
    return current.token;
  };
}

async function mint(room: string, identity: Identity): Promise<MintedToken> {
  const response = await fetch('/demo/api/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ room, identity }),
  });
  if (!response.ok) throw new Error(`The demo backend refused a token (${response.status})`);
  return response.json();
}
