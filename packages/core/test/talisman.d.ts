// talisman (a test-only reference implementation) ships no types; its metrics are (a, b) => number.
declare module 'talisman/metrics/*.js' {
  const metric: ((a: string, b: string) => number) & { default?: (a: string, b: string) => number };
  export default metric;
}
