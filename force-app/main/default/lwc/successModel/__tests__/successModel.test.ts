import * as successModel from 'c/successModel';
import * as charter from '../charter';
import * as dates from '../dates';
import * as facts from '../facts';
import * as fingerprint from '../fingerprint';
import * as fit from '../fit';
import * as goals from '../goals';
import * as health from '../health';
import * as history from '../history';
import * as objectives from '../objectives';
import * as panel from '../panel';
import * as program from '../program';
import * as raci from '../raci';
import * as risk from '../risk';
import * as roadmap from '../roadmap';
import * as schema from '../schema';
import * as speed from '../speed';
import * as types from '../types';
import * as usage from '../usage';
import * as velocity from '../velocity';

describe('successModel public surface', () => {
  it('re-exports every runtime export of its modules, so components import from one place', () => {
    const modules = {
      charter,
      dates,
      facts,
      fingerprint,
      fit,
      goals,
      health,
      history,
      objectives,
      panel,
      program,
      raci,
      risk,
      roadmap,
      schema,
      speed,
      types,
      usage,
      velocity
    };
    const missing = Object.entries(modules).flatMap(([name, module]) =>
      Object.keys(module)
        .filter((key) => (successModel as Record<string, unknown>)[key] !== (module as Record<string, unknown>)[key])
        .map((key) => `${name}.${key}`)
    );
    expect(missing).toEqual([]);
  });
});
