// Conformance with @salesforce/core: an auth file in a temporary HOME, then Org.create and its connection.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { API, startTestOrg, tempDir, type TestOrg } from './helpers';

const USERNAME = 'admin@localorg.example';

describe('local org with @salesforce/core', () => {
  let org: TestOrg;
  let home: string;
  const saved = { ...process.env };

  before(async () => {
    org = await startTestOrg();
    home = tempDir();
    // core reads HOME when it resolves ~/.sfdx and ~/.sf; the generic keychain keeps the key in a file there.
    Object.assign(process.env, {
      HOME: home,
      SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
      SFDX_USE_GENERIC_UNIX_KEYCHAIN: 'true',
      SF_DISABLE_TELEMETRY: 'true',
      SF_DISABLE_LOG_FILE: 'true'
    });
  });
  after(async () => {
    process.env = saved;
    await org.dispose();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('saves an auth file for an access token and connects with Org.create', async () => {
    const { AuthInfo, Org, StateAggregator } = await import('@salesforce/core');
    const auth = await AuthInfo.create({
      username: USERNAME,
      accessTokenOptions: { accessToken: org.accessToken, instanceUrl: org.instanceUrl, loginUrl: org.instanceUrl }
    });
    await auth.save();
    await (await StateAggregator.getInstance()).aliases.setAndSave('localorg', USERNAME);
    const authFile = path.join(home, '.sfdx', `${USERNAME}.json`);
    assert.ok(fs.existsSync(authFile));
    assert.ok(!fs.readFileSync(authFile, 'utf8').includes(org.accessToken), 'the token is stored encrypted');

    const connected = await Org.create({ aliasOrUsername: 'localorg' });
    const conn = connected.getConnection(API);
    assert.equal(conn.getApiVersion(), API);
    assert.equal(connected.getUsername(), USERNAME);
    const info = await connected.retrieveOrganizationInformation();
    assert.equal(info.Name, 'Local Org');
    assert.equal(info.IsSandbox, false);
    const userInfo = await conn.request<{ preferred_username: string; organization_id: string }>(
      '/services/oauth2/userinfo'
    );
    assert.equal(userInfo.preferred_username, USERNAME);
    assert.equal(userInfo.organization_id, connected.getOrgId());
    const user = await conn.singleRecordQuery<{ Username: string }>(
      `SELECT Username FROM User WHERE Username = '${USERNAME}'`
    );
    assert.equal(user.Username, USERNAME);
    const latest = await conn.retrieveMaxApiVersion();
    assert.equal(latest, API);
  });
});
