// The people the preview can be viewed as: the admin, an account manager and a viewer, each a real user of the local
// org (Minimum Access profile plus the product's permission set, created through the API as an admin would) with its
// own token, so every Apex stand-in, record write and object-info read runs as that user and the local org enforces
// its permissions and sharing. Idempotent: a second start finds the users and their assignments.
import type { Connection } from 'jsforce';
import { connect } from '../../scripts/lib/connection';

export interface PreviewUser {
  /** What the shell's switcher and the preview_user cookie call it. */
  key: string;
  label: string;
  connection: Connection;
  /** The user's Id, which @salesforce/user/Id gives the preview's components (a new goal's owner, say). */
  userId?: string;
}

/** The local org's side of it: who the admin is, and a token for any other user. */
export interface UserDirectory {
  instanceUrl: string;
  accessToken: string;
  login(username: string): { userId: string; accessToken: string };
}

export const PREVIEW_PERSONAS = [
  { key: 'manager', label: 'Account manager', permissionSet: 'Customer_Success_Manager', lastName: 'Manager' },
  { key: 'viewer', label: 'Viewer', permissionSet: 'Customer_Success_Viewer', lastName: 'Viewer' }
] as const;

const DOMAIN = 'customer-success.preview';

/** Query text with one quoted value; the values here are constants of this file. */
const quoted = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

async function ensureUser(
  admin: Connection,
  persona: (typeof PREVIEW_PERSONAS)[number],
  profileId: string
): Promise<string> {
  const username = `${persona.key}@${DOMAIN}`;
  const found = await admin.query<{ Id: string }>(`SELECT Id FROM User WHERE Username = ${quoted(username)}`);
  let userId = found.records[0]?.Id;
  if (!userId) {
    const created = (await admin.sobject('User').create({
      Username: username,
      FirstName: 'Preview',
      LastName: persona.lastName,
      Alias: persona.key.slice(0, 8),
      Email: username,
      ProfileId: profileId,
      TimeZoneSidKey: 'GMT',
      LocaleSidKey: 'en_US',
      LanguageLocaleKey: 'en_US',
      EmailEncodingKey: 'UTF-8'
    })) as { id?: string; success: boolean; errors?: unknown[] };
    if (!created.success || !created.id)
      throw new Error(`could not create ${username}: ${JSON.stringify(created.errors)}`);
    userId = created.id;
  }
  const sets = await admin.query<{ Id: string }>(
    `SELECT Id FROM PermissionSet WHERE Name = ${quoted(persona.permissionSet)}`
  );
  const setId = sets.records[0]?.Id;
  if (!setId) throw new Error(`the permission set ${persona.permissionSet} is not deployed`);
  const held = await admin.query(
    `SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = ${quoted(userId)} AND PermissionSetId = ${quoted(setId)}`
  );
  if (held.totalSize === 0)
    await admin.sobject('PermissionSetAssignment').create({ AssigneeId: userId, PermissionSetId: setId });
  return username;
}

/** Who a connection's token belongs to, as the org's userinfo endpoint says. */
async function userIdOf(connection: Connection): Promise<string> {
  const info = await connection.request<{ user_id: string }>('/services/oauth2/userinfo');
  return info.user_id;
}

/** The admin plus one user per persona, each with a connection of its own. Needs force-app deployed. */
export async function previewUsers(org: UserDirectory): Promise<PreviewUser[]> {
  const { connection: admin } = await connect({ instanceUrl: org.instanceUrl, accessToken: org.accessToken });
  const profiles = await admin.query<{ Id: string }>(
    "SELECT Id FROM Profile WHERE Name = 'Minimum Access - Salesforce'"
  );
  const profileId = profiles.records[0]?.Id;
  if (!profileId) throw new Error('the org has no Minimum Access - Salesforce profile');
  const users: PreviewUser[] = [{ key: 'admin', label: 'Admin', connection: admin, userId: await userIdOf(admin) }];
  for (const persona of PREVIEW_PERSONAS) {
    const username = await ensureUser(admin, persona, profileId);
    const { accessToken } = org.login(username);
    const { connection } = await connect({ instanceUrl: org.instanceUrl, accessToken });
    users.push({ key: persona.key, label: persona.label, connection, userId: await userIdOf(connection) });
  }
  return users;
}
