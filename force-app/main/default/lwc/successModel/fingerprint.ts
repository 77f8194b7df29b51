// Which scoring model computed a health score: a fingerprint of everything that decides the number (the active
// dimensions and their weights, the bands' minimums, the active ICP criteria, the active key features and their
// weights) plus the model's own version. A stored
// score and a live one with different fingerprints were computed by different rules, so a move between them may be
// the model's doing, not the customer's. Labels, descriptions and sort orders change no score and are left out.

import type { HealthConfig } from './health';

/**
 * The version of the health formulas themselves. Raise it with any change to how successModel computes health, fit
 * or bands (not their configuration): every stored score then reads as scored by an older model.
 */
export const HEALTH_MODEL_VERSION = 1;

/** FNV-1a, 32 bits: small, synchronous in every runtime, and enough to tell configurations apart. */
function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

const byName = <T extends { name: string }>(items: T[]): T[] =>
  items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** "m1-" and 16 hex digits; the same for any order of the records and any label. */
export function healthModelFingerprint(config: HealthConfig): string {
  const dimensions = byName(
    config.dimensions
      .filter((d) => d.Active__c !== false && (d.Weight__c ?? 0) > 0)
      .map((d) => ({ name: d.DeveloperName, weight: d.Weight__c }))
  );
  const bands = byName(config.bands.map((b) => ({ name: b.DeveloperName, minimum: b.Minimum_Score__c ?? 0 })));
  const criteria = byName(
    (config.criteria ?? [])
      .filter((c) => c.Active__c !== false && (c.Weight__c ?? 1) > 0)
      .map((c) => ({
        name: c.DeveloperName,
        field: c.Field__c ?? null,
        operator: c.Operator__c ?? null,
        value: c.Value__c ?? null,
        weight: c.Weight__c ?? 1
      }))
  );
  const keyFeatures = byName(
    (config.keyFeatures ?? [])
      .filter((k) => k.Active__c !== false)
      .map((k) => ({ name: k.DeveloperName, weight: k.Weight__c ?? null }))
  );
  const canonical = JSON.stringify({ version: HEALTH_MODEL_VERSION, dimensions, bands, criteria, keyFeatures });
  return `m${HEALTH_MODEL_VERSION}-${fnv1a(canonical, 0x811c9dc5)}${fnv1a(canonical, 0x050c5d1f)}`;
}
