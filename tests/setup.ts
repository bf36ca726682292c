// Property tests explore new random cases on every local run, but CI uses one fixed seed so that a
// rare counterexample is found by a developer, never by a submission's CI run by chance.
import fc from 'fast-check';

if (process.env.CI) fc.configureGlobal({ seed: 20_261_127 });
