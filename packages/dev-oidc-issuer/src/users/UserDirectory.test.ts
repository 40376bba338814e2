import { UserDirectory } from './UserDirectory';

const directory = new UserDirectory([
  {
    username: 'pat',
    password: 'pat-demo',
    email: 'pat@demo.example',
    name: 'Pat Platform',
    description: 'Platform engineer',
  },
  {
    username: 'gina',
    password: 'gina-demo',
    email: 'gina@demo.example',
    name: 'Gina Globex',
  },
]);

describe('UserDirectory', () => {
  it.each`
    username    | password       | signedIn
    ${'pat'}    | ${'pat-demo'}  | ${'pat'}
    ${'PAT '}   | ${'pat-demo'}  | ${'pat'}
    ${'gina'}   | ${'gina-demo'} | ${'gina'}
    ${'pat'}    | ${'gina-demo'} | ${undefined}
    ${'pat'}    | ${'PAT-DEMO'}  | ${undefined}
    ${'pat'}    | ${''}          | ${undefined}
    ${'nobody'} | ${'pat-demo'}  | ${undefined}
    ${''}       | ${''}          | ${undefined}
  `(
    'authenticates $username / $password as $signedIn',
    ({ username, password, signedIn }) => {
      expect(directory.authenticate(username, password)?.username).toBe(
        signedIn,
      );
    },
  );

  it('lists the users in the configured order', () => {
    expect(directory.list().map(u => u.username)).toEqual(['pat', 'gina']);
  });

  it.each`
    scopes                                   | claims
    ${['openid']}                            | ${{ sub: 'gina' }}
    ${['openid', 'email']}                   | ${{ sub: 'gina', email: 'gina@demo.example', email_verified: true }}
    ${['openid', 'profile']}                 | ${{ sub: 'gina', name: 'Gina Globex', preferred_username: 'gina' }}
    ${['openid', 'email', 'profile', 'xyz']} | ${{ sub: 'gina', email: 'gina@demo.example', email_verified: true, name: 'Gina Globex', preferred_username: 'gina' }}
  `(
    'states only the claims of the granted scopes $scopes',
    ({ scopes, claims }) => {
      expect(directory.claims('gina', new Set(scopes))).toEqual(claims);
    },
  );

  it('states no claims for an unknown user', () => {
    expect(directory.claims('nobody', new Set(['openid']))).toBeUndefined();
  });
});
