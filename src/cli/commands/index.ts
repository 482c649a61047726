// Every command of the CLI, one file each. Add the register function of a new command here.
import type { RegisterCommand } from '../context.js';

export const COMMANDS: RegisterCommand[] = [];
