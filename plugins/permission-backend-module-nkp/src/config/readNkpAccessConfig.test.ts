import { ConfigReader } from '@backstage/config';
import { readNkpAccessConfig } from './readNkpAccessConfig';

const read = (access: unknown) =>
  readNkpAccessConfig(new ConfigReader({ nkp: { access } } as any));

describe('readNkpAccessConfig', () => {
  it('is empty when nothing is configured', () => {
    expect(readNkpAccessConfig(new ConfigReader({}))).toEqual({
      platformTeam: [],
      exceptionApprovers: [],
      planManagers: [],
      clusterAppliers: [],
    });
  });

  it('normalises refs: kind group and namespace default by default, lower case', () => {
    expect(
      read({
        platformTeam: ['Platform-Team', 'user:ops/Olga'],
        exceptionApprovers: ['group:default/cab'],
        planManagers: ['group:releases'],
        clusterAppliers: ['Team-Acme'],
      }),
    ).toEqual({
      platformTeam: ['group:default/platform-team', 'user:ops/olga'],
      exceptionApprovers: ['group:default/cab'],
      planManagers: ['group:default/releases'],
      clusterAppliers: ['group:default/team-acme'],
    });
  });

  it.each([
    [
      { platformTeam: 'platform-team' },
      'nkp.access.platformTeam must be a list',
    ],
    [
      { exceptionApprovers: ['cab', 'group:'] },
      'nkp.access.exceptionApprovers[1] must be an entity reference such as group:default/platform-team, got "group:"',
    ],
    [
      { clusterAppliers: 'team-acme' },
      'nkp.access.clusterAppliers must be a list',
    ],
    [
      { planManagers: [7] },
      'nkp.access.planManagers[0] must be an entity reference',
    ],
  ])('refuses %j naming the entry', (access, message) => {
    expect(() => read(access)).toThrow(message);
  });
});
