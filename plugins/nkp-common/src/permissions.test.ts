import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  NKP_CLUSTER_RESOURCE_TYPE,
  NKP_GROUP_RESOURCE_TYPE,
  nkpClusterApplyPermission,
  nkpClusterRequestPermission,
  nkpAuditReadPermission,
  nkpFleetReadPermission,
  nkpPermissions,
} from './permissions';

describe('permissions', () => {
  it('have unique names under the nkp. prefix', () => {
    const names = nkpPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every(n => n.startsWith('nkp.'))).toBe(true);
  });

  it('makes reading the fleet a resource permission so it can be conditional', () => {
    expect(
      isResourcePermission(nkpFleetReadPermission, NKP_CLUSTER_RESOURCE_TYPE),
    ).toBe(true);
  });

  it('makes reading the audit log its own basic read permission, registered with the others', () => {
    expect(nkpAuditReadPermission).toMatchObject({
      type: 'basic',
      name: 'nkp.audit.read',
      attributes: { action: 'read' },
    });
    expect(nkpPermissions).toContain(nkpAuditReadPermission);
  });

  it('makes requesting a cluster a resource permission on the owning group, applying a basic one', () => {
    expect(nkpClusterRequestPermission.name).toBe('nkp.cluster.request');
    expect(
      isResourcePermission(
        nkpClusterRequestPermission,
        NKP_GROUP_RESOURCE_TYPE,
      ),
    ).toBe(true);
    expect(nkpClusterApplyPermission).toMatchObject({
      type: 'basic',
      name: 'nkp.cluster.apply',
    });
    expect(nkpPermissions).toEqual(
      expect.arrayContaining([
        nkpClusterRequestPermission,
        nkpClusterApplyPermission,
      ]),
    );
  });
});
