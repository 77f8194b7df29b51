// --assign-permsets: the person who runs migrate administers the practice, so they get Customer_Success_Admin.
// Checked first, so a re-run never creates a duplicate assignment (the platform would refuse it with DUPLICATE_VALUE).
import type { Connection } from 'jsforce';

export const RUNNING_USER_PERMISSION_SET = 'Customer_Success_Admin';

export async function assignPermissionSet(
  connection: Connection,
  name: string = RUNNING_USER_PERMISSION_SET
): Promise<{ permissionSet: string; userId: string; assigned: boolean }> {
  const info = (await connection.request('/services/oauth2/userinfo')) as { user_id?: string };
  const userId = info.user_id;
  if (!userId) throw new Error('userinfo returned no user_id: cannot tell who the running user is');
  const sets = await connection.query<{ Id: string }>(`SELECT Id FROM PermissionSet WHERE Name = '${name}' LIMIT 1`);
  const permissionSetId = sets.records[0]?.Id;
  if (!permissionSetId) throw new Error(`PermissionSet ${name}: not found in the org after the deploy`);
  const existing = await connection.query(
    `SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '${userId}' AND PermissionSetId = '${permissionSetId}'`
  );
  if (existing.totalSize > 0) return { permissionSet: name, userId, assigned: false };
  const result = await connection.sobject('PermissionSetAssignment').create({
    AssigneeId: userId,
    PermissionSetId: permissionSetId
  });
  if (!result.success) {
    const errors = (result as { errors?: Array<{ message?: string }> }).errors ?? [];
    throw new Error(`PermissionSetAssignment ${name}: ${errors.map((e) => e.message).join('; ')}`);
  }
  return { permissionSet: name, userId, assigned: true };
}
