// Property tests explore new random cases on every local run, but CI uses one fixed seed so that a
// rare counterexample is found by a developer, never by a submission's CI run by chance.
// FC_SEED=<n> replays a run whose failure printed that seed.
import fc from 'fast-check';

const replay = process.env.FC_SEED;
if (replay !== undefined && replay !== '') fc.configureGlobal({ seed: Number(replay) });
else if (process.env.CI) fc.configureGlobal({ seed: 20_261_127 });
