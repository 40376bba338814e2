import { testStores } from '../__testUtils__/testStores';
import { AppliedPartsStore } from './AppliedPartsStore';

const stores = testStores(['POSTGRES_15', 'SQLITE_3']);

const entity = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
});

describe('AppliedPartsStore', () => {
  it.each(stores.ids())(
    'keeps counts and entities per provider and part, across store instances (%s)',
    async id => {
      const database = await stores.database(id);
      const store = await AppliedPartsStore.create({ database });
      expect(await store.read('nkp:tenants')).toEqual(new Map());
      expect(await store.count('nkp:tenants', 'hooli')).toBeUndefined();

      await store.save(
        'nkp:tenants',
        new Map([
          ['hooli', { count: 1, entities: [entity('hooli')] }],
          ['stark', { count: 2, entities: [entity('s1'), entity('s2')] }],
        ]),
      );
      await store.save('nkp:demo', new Map([['', { count: 9 }]]));
      await store.save(
        'nkp:tenants',
        new Map([['hooli', { count: 1, entities: [entity('hooli-2')] }]]),
      );

      // As after a restart: a new store on the same database, migrations already applied.
      const again = await AppliedPartsStore.create({ database });
      expect(await again.read('nkp:tenants')).toEqual(
        new Map([
          ['hooli', { count: 1, entities: [entity('hooli-2')] }],
          ['stark', { count: 2, entities: [entity('s1'), entity('s2')] }],
        ]),
      );
      expect(await again.read('nkp:demo')).toEqual(
        new Map([['', { count: 9 }]]),
      );
      expect(await again.count('nkp:tenants', 'stark')).toBe(2);
    },
  );

  it.each(stores.ids())(
    'forgets the parts no longer configured when told which remain (%s)',
    async id => {
      const store = await stores.create(id);
      await store.save(
        'nkp:tenants',
        new Map([
          ['hooli', { count: 1 }],
          ['stark', { count: 2 }],
        ]),
      );
      await store.save('nkp:other', new Map([['stark', { count: 5 }]]));
      await store.save('nkp:tenants', new Map([['wayne', { count: 3 }]]), {
        only: ['hooli', 'wayne'],
      });
      expect([...(await store.read('nkp:tenants')).keys()].sort()).toEqual([
        'hooli',
        'wayne',
      ]);
      expect(await store.count('nkp:other', 'stark')).toBe(5);
    },
  );
});
