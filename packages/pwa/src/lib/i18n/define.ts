/**
 * A feature's messages in both languages, in one file next to each other. `en` must have exactly the
 * keys of `id` (the type says so; `messages.test.ts` checks the placeholders too).
 *
 * @example
 * export const plan = defineMessages(
 *   { 'plan.heading': 'Jadwal kunjungan' },
 *   { 'plan.heading': 'Visit plan' },
 * );
 */
export function defineMessages<const K extends string>(
  id: Readonly<Record<K, string>>,
  en: NoInfer<Readonly<Record<K, string>>>,
): { readonly id: Readonly<Record<K, string>>; readonly en: Readonly<Record<K, string>> } {
  return { id, en };
}
