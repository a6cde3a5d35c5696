// Plain names for the engine's timeline steps and their place in an attempt: both from the
// contract's STEPS table (preload/steps.ts), the one list the engine, CLI and UI share.
export { stepLabel, provisionPhase } from '../../../preload/contract';
