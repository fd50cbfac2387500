import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../errors/validation-errors';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Reads settings from the environment into a validated instance of `schema`.
 * Throws a ConfigError naming every bad setting; defaults live on the class.
 */
export function loadConfig<T extends object>(
  schema: new () => T,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const defaults = new schema();
  const fromEnv: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    const value = env[key];
    if (value !== undefined && value !== '') fromEnv[key] = value;
  }
  const config = plainToInstance(
    schema,
    { ...defaults, ...fromEnv },
    {
      enableImplicitConversion: true,
    },
  );
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) {
    const list = flattenValidationErrors(errors)
      .map((e) => `${e.field} (${e.message})`)
      .join('; ');
    throw new ConfigError(`invalid settings: ${list}`);
  }
  return config;
}
