import { DEFAULT_DEMO_OPTIONS, validateDemoOptions } from '@sahaja/core';
// zod's mini build: the same checks, and it tree-shakes (the classic build added ~65 kB to the page).
import * as z from 'zod/mini';
import type { DemoRequest } from '../core/types';

/** A size as written in a link: digits only, at least 1 (the generator checks its own upper limits). */
const size = z.catch(
  z.optional(
    z.pipe(
      z.string().check(z.trim(), z.regex(/^\d{1,9}$/)),
      z.pipe(z.transform(Number), z.int().check(z.minimum(1))),
    ),
  ),
  undefined,
);

/** The demo sizes a link may carry; a value that is not a size reads as absent. */
const demoSizes = z.object({ schools: size, students: size, registry: size });

/**
 * The demo programme's sizes from a link such as `?demo=1&students=2000&registry=20000` (and optional
 * `schools`), so a test or a demonstration can load a small programme. A value that is not a whole
 * number from 1 is ignored (its default is used); sizes the generator would refuse together (a registry
 * under three times the students, fewer students than schools, beyond its limits) are all ignored.
 * Never throws.
 *
 * @example demoRequestFrom(new URLSearchParams('students=2000&registry=20000')) // { students: 2000, registry: 20000 }
 */
export function demoRequestFrom(params: URLSearchParams): DemoRequest {
  const sizes = demoSizes.parse({
    schools: params.get('schools') ?? undefined,
    students: params.get('students') ?? undefined,
    registry: params.get('registry') ?? undefined,
  });
  const request: { -readonly [K in keyof DemoRequest]: DemoRequest[K] } = {};
  for (const name of ['schools', 'students', 'registry'] as const) {
    const value = sizes[name];
    if (value !== undefined) request[name] = value;
  }
  if (validateDemoOptions({ ...DEFAULT_DEMO_OPTIONS, ...request }).length > 0) return {};
  return request;
}
