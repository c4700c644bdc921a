/** `--name value` options of the bench scripts: `option('--langs')` → the value, or undefined. */
export function optionReader(args: readonly string[]): (name: string) => string | undefined {
  return (name) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
}
