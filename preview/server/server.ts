// The preview server: serves the built preview, SLDS, and the APIs the preview's platform
// bindings call — Apex view-models computed from the local org, and UI API record writes.
// The local org's token stays here: the browser never sees it.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Connection } from 'jsforce';
import { PROJECT_ROOT } from '../../scripts/lib/paths';
import { localToday } from '../../force-app/main/default/lwc/accountSuccessPanel/clock';
import { apexMethods } from './apex';
import { LimitException } from './apex/governor';
import { UiApi, toUiApiError } from './uiApi';
import { readJsonBody as readJson, refusal, RequestRefused } from './requestGuard';
import type { PreviewUser } from './users';

const DIST = path.join(PROJECT_ROOT, 'preview', 'dist');
const SLDS = path.join(PROJECT_ROOT, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
const SHELL_HTML = path.join(PROJECT_ROOT, 'preview', 'index.html');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json'
};

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

export interface PreviewServerOptions {
  port?: number;
  /** The admin's connection: what the preview runs as when no other user is chosen. */
  connection: Connection;
  /**
   * The people the preview can be viewed as (previewUsers: admin, manager, viewer). The shell's switcher sets the
   * preview_user cookie; every Apex stand-in, record read and write and object-info answer then runs as that user.
   */
  users?: PreviewUser[];
  /** "Today" for the view-models; defaults to the current date. Tests pin it. */
  today?: () => string;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function serveFile(res: http.ServerResponse, root: string, relative: string): void {
  const file = path.normalize(path.join(root, relative));
  if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
}

/**
 * The shell page, with the Id of the user it runs as in a meta tag: the preview's @salesforce/user/Id reads it, as
 * Lightning Experience gives each component the signed-in user's Id. Switching user reloads the page.
 */
function serveShell(res: http.ServerResponse, user: PreviewUser): void {
  const html = fs
    .readFileSync(SHELL_HTML, 'utf8')
    .replace(
      '<meta name="preview-user-id" content="" />',
      `<meta name="preview-user-id" content="${user.userId ?? ''}" />`
    );
  res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
  res.end(html);
}

const USER_COOKIE = 'preview_user';

/** The preview_user cookie's value, if the request has one. */
function chosenUser(req: http.IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === USER_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const users: PreviewUser[] = options.users ?? [{ key: 'admin', label: 'Admin', connection: options.connection }];
  const uiApis = new Map(users.map((u) => [u.key, new UiApi(u.connection)]));
  /** Who this request runs as: the chosen user, else the first (the admin). */
  const userOf = (req: http.IncomingMessage): PreviewUser => users.find((u) => u.key === chosenUser(req)) ?? users[0];
  // The same clock the panel reads in the browser, so server view-models and the page agree on today.
  const today = options.today ?? (() => localToday());

  let port = 0;
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://preview');
    const route = url.pathname;
    const refused = refusal(req, port);
    if (refused) {
      res.writeHead(refused.status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
      res.end(JSON.stringify({ message: refused.message }));
      return;
    }
    const user = userOf(req);
    const connection = user.connection;
    const ui = uiApis.get(user.key)!;
    try {
      if (route === '/preview/api/users') {
        if (req.method === 'GET') {
          return send(res, 200, { current: user.key, users: users.map(({ key, label }) => ({ key, label })) });
        }
        if (req.method === 'POST') {
          const { key } = (await readJson(req)) as { key?: unknown };
          const chosen = users.find((u) => u.key === key);
          if (!chosen) return send(res, 400, { message: `no preview user ${String(key)}` });
          res.setHeader(
            'set-cookie',
            `${USER_COOKIE}=${encodeURIComponent(chosen.key)}; Path=/; SameSite=Strict; HttpOnly`
          );
          return send(res, 200, { current: chosen.key });
        }
      }
      if (req.method === 'GET' && (route === '/' || route === '/index.html')) return serveShell(res, user);
      if (req.method === 'GET' && route.startsWith('/dist/')) return serveFile(res, DIST, route.slice('/dist/'.length));
      if (req.method === 'GET' && route.startsWith('/slds/')) return serveFile(res, SLDS, route.slice('/slds/'.length));

      const apex = /^\/preview\/api\/apex\/(\w+)\/(\w+)$/.exec(route);
      if (apex && req.method === 'POST') {
        const method = apexMethods[`${apex[1]}.${apex[2]}`];
        if (!method) return send(res, 404, { message: `the preview has no implementation of ${apex[1]}.${apex[2]}` });
        const params = await readJson(req);
        try {
          return send(res, 200, await method(connection, params, today()));
        } catch (error) {
          // Apex failures reach components as { body: { message, exceptionType } }; a governor limit keeps its
          // System.LimitException type.
          return send(res, 500, {
            message: error instanceof Error ? error.message : String(error),
            exceptionType: error instanceof LimitException ? error.exceptionType : 'System.Exception'
          });
        }
      }

      const record = /^\/preview\/api\/ui\/records(?:\/(\w+))?$/.exec(route);
      if (record) {
        const input = req.method === 'POST' || req.method === 'PATCH' ? await readJson(req) : undefined;
        try {
          if (req.method === 'POST' && !record[1]) return send(res, 201, await ui.create(input));
          if (req.method === 'PATCH' && record[1]) return send(res, 200, await ui.update(record[1], input));
          if (req.method === 'DELETE' && record[1]) {
            await ui.remove(record[1]);
            res.writeHead(204).end();
            return;
          }
          if (req.method === 'GET' && record[1]) {
            return send(
              res,
              200,
              await ui.read(record[1], (url.searchParams.get('fields') ?? '').split(',').filter(Boolean))
            );
          }
        } catch (error) {
          const mapped = toUiApiError(error);
          return send(res, mapped.status, mapped.body);
        }
      }

      const objectInfo = /^\/preview\/api\/ui\/object-info\/(\w+)$/.exec(route);
      if (objectInfo && req.method === 'GET') return send(res, 200, await ui.objectInfo(objectInfo[1]));
      const lookup = /^\/preview\/api\/ui\/lookup\/(\w+)$/.exec(route);
      if (lookup && req.method === 'GET') return send(res, 200, await ui.lookup(lookup[1]));

      if (req.method === 'GET' && route === '/preview/api/accounts') {
        const result = await connection.query(
          'SELECT Id, Name, Industry, Lifecycle_Stage__c, ARR__c, Renewal_Date__c FROM Account ORDER BY Name LIMIT 200'
        );
        return send(res, 200, result.records);
      }
      send(res, 404, { message: `no route for ${req.method} ${route}` });
    } catch (error) {
      if (error instanceof RequestRefused) {
        res.setHeader('connection', 'close');
        return send(res, error.status, { message: error.message });
      }
      send(res, 500, { message: error instanceof Error ? error.message : String(error) });
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}
