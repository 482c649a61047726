// `overture analyze`: the parent of the analysis subcommands (bursts, rates, causality, groups…).
// Each subcommand's file attaches itself through getAnalyzeCommand, so that command files of
// different authors can share the parent without knowing of each other.
import type { Command } from 'commander';
import type { RegisterCommand } from '../context.js';

export function getAnalyzeCommand(program: Command): Command {
  const existing = program.commands.find((command) => command.name() === 'analyze');
  if (existing) return existing;
  return program
    .command('analyze')
    .description('analyse coded statements: rates, bursts, causality, speaker groups')
    .showHelpAfterError();
}

export const registerAnalyze: RegisterCommand = (program) => {
  getAnalyzeCommand(program);
};
