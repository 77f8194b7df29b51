// Who a bearer token belongs to. The admin's token is the one org.json has always held (stable across restarts,
// new on --reset); every other user gets a token of its own when one is asked for (`org.login(username)` or
// `POST /__localorg/login`), and org.json lists them under `users` (the file is mode 0600, like an sf CLI auth file).
// A token stops working when its user is deactivated.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Store } from '../store';
import { writeFileAtomic } from '../store';

export interface OrgFile {
  instanceUrl: string;
  accessToken: string;
  users?: Record<string, { userId: string; accessToken: string }>;
}

export class Sessions {
  /** Token to user Id. */
  private readonly tokens = new Map<string, string>();
  private instanceUrl = '';

  constructor(
    private readonly store: Store,
    private readonly file: string,
    readonly adminToken: string,
    saved: OrgFile | undefined
  ) {
    this.tokens.set(adminToken, store.userId);
    for (const entry of Object.values(saved?.users ?? {})) {
      if (store.get('User', entry.userId)) this.tokens.set(entry.accessToken, entry.userId);
    }
  }

  /** The org.json of an earlier run, unless the org starts empty. */
  static read(dataDir: string, reset: boolean | undefined): OrgFile | undefined {
    const file = path.join(dataDir, 'org.json');
    if (reset || !fs.existsSync(file)) return undefined;
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as OrgFile;
    } catch {
      return undefined;
    }
  }

  static newToken(store: Store): string {
    return `${store.orgId.slice(0, 15)}!${randomBytes(40).toString('base64url')}`;
  }

  /** The active user a token belongs to. */
  userFor(token: string | undefined): string | undefined {
    const userId = token ? this.tokens.get(token) : undefined;
    const user = userId ? this.store.get('User', userId) : undefined;
    return user && user.IsActive !== false ? userId : undefined;
  }

  /** The user's token, issued (and written to org.json) the first time it is asked for. */
  tokenFor(userId: string): string {
    for (const [token, id] of this.tokens) if (id === userId) return token;
    const token = Sessions.newToken(this.store);
    this.tokens.set(token, userId);
    this.save();
    return token;
  }

  /** Writes org.json: the instance URL, the admin's token and every user token issued. */
  save(instanceUrl = this.instanceUrl): void {
    this.instanceUrl = instanceUrl;
    const users: NonNullable<OrgFile['users']> = {};
    for (const [token, userId] of this.tokens) {
      if (token === this.adminToken) continue;
      const user = this.store.get('User', userId);
      if (user) users[String(user.Username)] = { userId, accessToken: token };
    }
    const content: OrgFile = { instanceUrl, accessToken: this.adminToken, users };
    writeFileAtomic(this.file, JSON.stringify(content, null, 2) + '\n', 0o600);
    fs.chmodSync(this.file, 0o600);
  }
}
