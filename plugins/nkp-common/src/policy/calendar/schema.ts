/**
 * zod schemas for the calendar inputs that come from outside: app-config overrides and the plain
 * data the backend reads from NKP `Release` objects.
 */
import { z } from 'zod';
import { ConfiguredDate } from './types';

// Typed, so that the API report names the type instead of printing its fields.
const configuredDate: z.ZodType<ConfiguredDate> = z.union([
  z.string(),
  z.object({
    date: z.string(),
    source: z.string().optional(),
    inferred: z.boolean().optional(),
  }),
]);

/**
 * Schema of `ReleaseCalendarOverrides` (app-config).
 *
 * @public
 */
export const releaseCalendarOverridesSchema = z.object({
  kubernetes: z
    .array(
      z.object({
        minor: z.string(),
        releaseDate: configuredDate.optional(),
        endOfStandardSupport: configuredDate.optional(),
        endOfLife: configuredDate.optional(),
      }),
    )
    .optional(),
  nkp: z
    .array(
      z.object({
        minor: z.string(),
        kubernetesMinors: z.array(z.string()).optional(),
        releaseDate: configuredDate.optional(),
        endOfLife: configuredDate.optional(),
      }),
    )
    .optional(),
});

/**
 * Schema of `ServedNkpRelease`.
 *
 * @public
 */
export const servedNkpReleaseSchema = z.object({
  version: z.string(),
  supportedKubernetesVersions: z.array(z.string()).optional(),
  releaseDate: z.string().optional(),
  endOfLifeDate: z.string().optional(),
  source: z.string().optional(),
});
