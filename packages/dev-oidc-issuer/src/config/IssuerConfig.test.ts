import { demoConfigPath } from '../main';
import { parseIssuerConfig, readIssuerConfig } from './IssuerConfig';

const valid = {
  issuer: 'http://localhost:7010',
  clients: [
    {
      id: 'portal',
      secret: 'a-long-secret',
      redirectUris: ['http://localhost:7007/api/auth/oidc/handler/frame'],
    },
  ],
  users: [
    {
      username: 'pat',
      password: 'pat-demo',
      email: 'pat@demo.example',
      name: 'Pat',
    },
  ],
};

function withChange(change: (c: any) => void) {
  const copy = JSON.parse(JSON.stringify(valid));
  change(copy);
  return copy;
}

describe('parseIssuerConfig', () => {
  it('accepts a complete configuration', () => {
    expect(parseIssuerConfig(valid)).toEqual(valid);
  });

  it.each`
    problem                     | change                                                               | message
    ${'issuer with a path'}     | ${(c: any) => (c.issuer = 'http://localhost:7010/dex')}              | ${'issuer: an origin without a path'}
    ${'issuer not http(s)'}     | ${(c: any) => (c.issuer = 'ftp://localhost')}                        | ${'issuer: an http(s) URL'}
    ${'no clients'}             | ${(c: any) => (c.clients = [])}                                      | ${'clients: Array must contain at least 1'}
    ${'short client secret'}    | ${(c: any) => (c.clients[0].secret = 'x')}                           | ${'clients[0].secret: at least 8 characters'}
    ${'redirect URI not a URL'} | ${(c: any) => (c.clients[0].redirectUris = ['/frame'])}              | ${'clients[0].redirectUris[0]: Invalid url'}
    ${'bad email'}              | ${(c: any) => (c.users[0].email = 'pat')}                            | ${'users[0].email: Invalid email'}
    ${'username with capitals'} | ${(c: any) => (c.users[0].username = 'Pat')}                         | ${'users[0].username: lowercase letters'}
    ${'missing name'}           | ${(c: any) => delete c.users[0].name}                                | ${'users[0].name: Required'}
    ${'duplicate username'}     | ${(c: any) => c.users.push({ ...c.users[0], email: 'p@x.example' })} | ${"username 'pat' is listed twice"}
    ${'duplicate email'}        | ${(c: any) => c.users.push({ ...c.users[0], username: 'pat2' })}     | ${"email 'pat@demo.example' is listed twice"}
  `('refuses $problem, naming the field', ({ change, message }) => {
    expect(() => parseIssuerConfig(withChange(change), 'test.yaml')).toThrow(
      `Invalid issuer configuration in test.yaml: ${message}`,
    );
  });

  it('reads the demo configuration', () => {
    const config = readIssuerConfig(demoConfigPath);
    expect(config.users.map(u => u.username)).toEqual(['pat', 'gina', 'alice']);
  });

  it('names the file it cannot read', () => {
    expect(() => readIssuerConfig('/nonexistent/issuer.yaml')).toThrow(
      'Cannot read issuer configuration /nonexistent/issuer.yaml',
    );
  });
});
