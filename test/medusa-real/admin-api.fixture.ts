// The Medusa admin API as an operator uses it: an email/password login, then bearer requests.
export async function adminToken(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/user/emailpass`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`admin login failed: HTTP ${response.status} ${await response.text()}`);
  const { token } = (await response.json()) as { token: string };
  return token;
}

async function call(baseUrl: string, token: string, method: string, path: string): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

export const adminGet = <T>(baseUrl: string, token: string, path: string) =>
  call(baseUrl, token, 'GET', path) as Promise<T>;

export const adminDelete = (baseUrl: string, token: string, path: string) =>
  call(baseUrl, token, 'DELETE', path);
