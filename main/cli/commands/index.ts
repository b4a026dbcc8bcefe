import type { Command } from 'commander';
import type { CliContext } from '../CliContext';
import { registerDaemon } from './daemon';
import { registerRisk } from './risk';
import { registerSimulate } from './simulate';
import { registerSweep } from './sweep';
import { registerWalkForward } from './walkForward';
import { registerAccounting } from './accounting';
import { registerSettings } from './settings';
import { registerBacktest } from './backtest';
import { registerIndicators } from './indicators';
import { registerHalts } from './halts';

/** Every CLI command registers itself here; a new command is a file in this folder and one line below. */
export const COMMANDS: readonly ((program: Command, ctx: CliContext) => void)[] = [
  registerSimulate,
  registerSweep,
  registerWalkForward,
  registerDaemon,
  registerAccounting,
  registerSettings,
  registerBacktest,
  registerIndicators,
  registerRisk,
  registerHalts,
];
