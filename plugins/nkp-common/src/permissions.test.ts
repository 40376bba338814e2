import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  NKP_CLUSTER_RESOURCE_TYPE,
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
});
