#!/usr/bin/env node
import { runEmulatorCli } from '../cli/run-emulator-cli.js';

process.exitCode = await runEmulatorCli(process.argv.slice(2));
