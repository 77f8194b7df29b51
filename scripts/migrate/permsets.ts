// --assign-permsets: the person who runs migrate administers the practice, so they get Customer_Success_Admin.
// Checked first, so a re-run never creates a duplicate assignment (the platform would refuse it with DUPLICATE_VALUE).
import type { Connection } from 'jsforce';

export const RUNNING_USER_PERMISSION_SET = 'Customer_Success_Admin';

/** A permission set API name: letters, digits and single underscores, so it is safe inside a SOQL literal. */
const API_NAME = /^[A-Za-z](?!.*__)[A-Za-z0-9_]*[A-Za-z0-9]$/;

export async function assignPermissionSet(
  connection: Connection,
  name: string = RUNNING_USER_PERMISSION_SET
): Promise<{ permissionSet: string; userId: string; assigned: boolean }> {
  if (!API_NAME.test(name)) throw new Error(`PermissionSet ${name}: not a valid API name`);
  const info = (await connection.request('/services/oauth2/userinfo')) as { user_id?: string };
  const userId = info.user_id;
  if (!userId) throw new Error('userinfo returned no user_id: cannot tell who the running user is');
  // A managed package may ship a permission set with the same Name: ours is the one with no namespace.
  const sets = await connection.query<{ Id: string }>(
    `SELECT Id FROM PermissionSet WHERE Name = '${name}' AND NamespacePrefix = null LIMIT 1`
  );
  const permissionSetId = sets.records[0]?.Id;
  if (!permissionSetId) throw new Error(`PermissionSet ${name}: not found in the org after the deploy`);
  const existing = await connection.query(
    `SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '${userId}' AND PermissionSetId = '${permissionSetId}'`
  );
  if (existing.totalSize > 0) return { permissionSet: name, userId, assigned: false };
  try {
    // jsforce throws on an HTTP error rather than answering success: false for a single record.
    const result = await connection.sobject('PermissionSetAssignment').create({
      AssigneeId: userId,
      PermissionSetId: permissionSetId
    });
    if (!result.success) {
      const errors = (result as { errors?: Array<{ statusCode?: string; message?: string }> }).errors ?? [];
      if (errors.some((e) => e.statusCode === 'DUPLICATE_VALUE'))
        return { permissionSet: name, userId, assigned: false };
      throw new Error(errors.map((e) => `${e.statusCode ?? 'ERROR'}: ${e.message ?? ''}`).join('; ') || 'no result');
    }
  } catch (error) {
    // Another run assigned it between the check and the insert: the assignment exists, which is what was wanted.
    if ((error as { errorCode?: string }).errorCode === 'DUPLICATE_VALUE') {
      return { permissionSet: name, userId, assigned: false };
    }
    throw new Error(`PermissionSetAssignment ${name}: ${(error as Error).message}`, { cause: error });
  }
  return { permissionSet: name, userId, assigned: true };
}
