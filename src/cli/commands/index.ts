// Every command of the CLI, one file each. Add the register function of a new command here.
import type { RegisterCommand } from '../context.js';
import { registerAnalogues } from './analogues.js';
import { registerAnalyze } from './analyze.js';
import { registerAnalyzeBursts } from './analyze-bursts.js';
import { registerAnalyzeCausality } from './analyze-causality.js';
import { registerAnalyzeEcho } from './analyze-echo.js';
import { registerAnalyzeGroups } from './analyze-groups.js';
import { registerAnalyzeRates } from './analyze-rates.js';
import { registerAnalyzeTalks } from './analyze-talks.js';
import { registerCases } from './cases.js';
import { registerClassify } from './classify.js';
import { registerCode } from './code.js';
import { registerCodebook } from './codebook.js';
import { registerCommitmentGap } from './commitment-gap.js';
import { registerDemo } from './demo.js';
import { registerEpisodes } from './episodes.js';
import { registerEval } from './eval.js';
import { registerExplain } from './explain.js';
import { registerForecast } from './forecast.js';
import { registerIndicators } from './indicators.js';
import { registerIngest } from './ingest.js';
import { registerPositions } from './positions.js';
import { registerRounds } from './rounds.js';
import { registerServe } from './serve.js';
import { registerSources } from './sources.js';
import { registerStats } from './stats.js';
import { registerTrain } from './train.js';
import { registerWatch } from './watch.js';

export const COMMANDS: RegisterCommand[] = [
  registerDemo,
  registerSources,
  registerIngest,
  registerWatch,
  registerCode,
  registerClassify,
  registerExplain,
  registerCodebook,
  registerStats,
  registerServe,
  registerAnalyze,
  registerAnalyzeRates,
  registerAnalyzeBursts,
  registerAnalyzeCausality,
  registerAnalyzeGroups,
  registerEpisodes,
  registerPositions,
  registerIndicators,
  registerForecast,
  registerAnalyzeEcho,
  registerAnalyzeTalks,
  registerAnalogues,
  registerCases,
  registerRounds,
  registerCommitmentGap,
  registerTrain,
  registerEval,
];
