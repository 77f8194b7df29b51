// Generated product usage: an event export for the accounts `seed --generate` makes (same keys, same product
// account ids), streamed to a file so a 10,000,000-event export costs no memory to write. Seeded: the same spec
// gives the same file. Each account has its seats, a share of them active that drifts up or down week by week, and
// the key features it has taken up; events go to active users, key-feature events for the features adopted, the
// rest ordinary ones (log-ins, page views, searches), in time order by week as analytics tools export them.
import { closeSync, openSync, writeSync } from 'node:fs';
import { generatedAccountKey, generatedProductId, generatedSeats, seededRandom } from '../seed/generate';

export interface EventSpec {
  accounts: number;
  events: number;
  weeks: number;
  seed: number;
  prefix: string;
  /** The Sunday the export ends on (YYYY-MM-DD); the weeks before it are covered. */
  end: string;
  format: 'csv' | 'ndjson';
}

/** The key features' events (the default Key_Feature records) and some that are not key. */
const FEATURE_EVENTS = [
  ['Dashboard Viewed', 'Dashboard Created'],
  ['Report Created', 'Report Exported', 'Report Scheduled'],
  ['Workflow Created', 'Workflow Run'],
  ['Integration Connected', 'Data Sync Completed'],
  ['Comment Added', 'Item Shared']
];
const ORDINARY_EVENTS = ['Logged In', 'Page Viewed', 'Search Performed', 'Settings Changed'];

/** The last Sunday before `today` (YYYY-MM-DD), so generated weeks are complete. */
export function lastSunday(today: string): string {
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - (day.getUTCDay() === 0 ? 7 : day.getUTCDay()));
  return day.toISOString().slice(0, 10);
}

interface AccountShape {
  id: string;
  population: number;
  share: number;
  drift: number;
  adopted: number[];
}

/** Shapes of the accounts `seed --generate` makes for this spec. */
function generatedShapes(spec: EventSpec, random: () => number): AccountShape[] {
  const shapes: AccountShape[] = [];
  for (let a = 0; a < spec.accounts; a++) {
    const seats = generatedSeats(spec.seed, a);
    const adopted = FEATURE_EVENTS.map((_, f) => f).filter((f) => random() < 0.85 - f * 0.12);
    shapes.push({
      id: generatedProductId(generatedAccountKey(spec.prefix, spec.seed, spec.accounts, a)),
      population: Math.max(1, Math.round(seats * (0.7 + random() * 0.4))),
      share: 0.25 + random() * 0.6,
      // Most accounts steady, some growing, some fading: -4% to +3% of their share a week.
      drift: -0.04 + random() * 0.07,
      adopted
    });
  }
  return shapes;
}

/** Writes the export for the accounts `seed --generate` makes; returns the number of events written. */
export function writeEvents(spec: EventSpec, file: string): number {
  const random = seededRandom(spec.seed);
  return writeEventStream(generatedShapes(spec, random), spec, file, random);
}

/** The demo plan's accounts as usage shapes: their seats, typed adoption as the share active, a drift by stage. */
export interface DemoAccount {
  Product_Account_Id__c: string;
  Licensed_Seats__c: number;
  Product_Adoption__c?: number;
  Lifecycle_Stage__c?: string;
}

const STAGE_DRIFT: Record<string, number> = {
  Onboarding: 0.05,
  Adoption: 0.03,
  'Value Realization': 0.005,
  Expansion: 0.01,
  Renewal: -0.03
};

/** Writes an export for the given accounts (the demo plan's); returns the number of events written. */
export function writeDemoEvents(accounts: readonly DemoAccount[], spec: EventSpec, file: string): number {
  const random = seededRandom(spec.seed);
  const shapes = accounts.map((a): AccountShape => {
    const share = Math.min(0.95, Math.max(0.05, (a.Product_Adoption__c ?? 50) / 100));
    return {
      id: a.Product_Account_Id__c,
      population: Math.max(1, Math.round(a.Licensed_Seats__c * 1.05)),
      // The share the plan states is where the account is now: start the weeks from where the drift leads to it.
      share: share / (1 + (STAGE_DRIFT[a.Lifecycle_Stage__c ?? ''] ?? 0)) ** (spec.weeks - 1),
      drift: STAGE_DRIFT[a.Lifecycle_Stage__c ?? ''] ?? 0,
      adopted: FEATURE_EVENTS.map((_, f) => f).filter((f) => f < Math.max(1, Math.round(share * 5 + random() - 0.5)))
    };
  });
  return writeEventStream(shapes, spec, file, random);
}

function writeEventStream(shapes: AccountShape[], spec: EventSpec, file: string, random: () => number): number {
  const active = (s: AccountShape, w: number): number =>
    Math.max(1, Math.round(s.population * Math.min(1, Math.max(0.02, s.share * (1 + s.drift) ** w))));
  let totalActive = 0;
  for (const s of shapes) for (let w = 0; w < spec.weeks; w++) totalActive += active(s, w);
  const endDay = Math.floor(new Date(`${spec.end}T00:00:00Z`).getTime() / 86_400_000);
  const firstMonday = endDay - 6 - 7 * (spec.weeks - 1);
  const fd = openSync(file, 'w');
  let buffer: string[] = [];
  let bytes = 0;
  const flush = (): void => {
    if (buffer.length) writeSync(fd, buffer.join(''));
    buffer = [];
    bytes = 0;
  };
  const emit = (line: string): void => {
    buffer.push(line);
    bytes += line.length;
    if (bytes > 1 << 20) flush();
  };
  if (spec.format === 'csv') emit('account_id,user_id,event,timestamp,session_id\n');
  let written = 0;
  let carry = 0;
  try {
    for (let w = 0; w < spec.weeks; w++) {
      for (const s of shapes) {
        const users = active(s, w);
        const exact = (spec.events * users) / totalActive + carry;
        const count = Math.floor(exact);
        carry = exact - count;
        // A rotating window of the population: some users stay, some come and go.
        const offset = Math.floor(random() * s.population);
        for (let e = 0; e < count; e++) {
          const user = `u${(offset + (e < users ? e : Math.floor(random() * users))) % s.population}`;
          const dayOffset = Math.floor(random() * 7);
          const day = firstMonday + 7 * w + dayOffset;
          const ms = day * 86_400_000 + Math.floor(random() * 86_400_000);
          let event: string;
          if (s.adopted.length && random() < 0.45) {
            const names = FEATURE_EVENTS[s.adopted[Math.floor(random() * s.adopted.length)]];
            event = names[Math.floor(random() * names.length)];
          } else event = ORDINARY_EVENTS[Math.floor(random() * ORDINARY_EVENTS.length)];
          const time = new Date(ms).toISOString();
          const session = `${user}-${day}`;
          emit(
            spec.format === 'csv'
              ? `${s.id},${user},${event},${time},${session}\n`
              : `${JSON.stringify({ type: 'track', event, userId: user, timestamp: time, context: { groupId: s.id }, properties: { session_id: session } })}\n`
          );
          written++;
        }
      }
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return written;
}
