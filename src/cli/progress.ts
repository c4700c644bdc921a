/** A one-line progress bar on a terminal (stderr); silent when stderr is not a TTY. */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): {
  update(done: number, total: number, label: string): void;
  done(): void;
} {
  const enabled = Boolean(stream.isTTY);
  let last = 0;
  return {
    update(done, total, label) {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 80 && done < total) return;
      last = now;
      const width = 24;
      const ratio = total === 0 ? 1 : done / total;
      const filled = Math.round(ratio * width);
      const name = label.length > 40 ? '…' + label.slice(-39) : label;
      stream.write(
        `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${name}`.padEnd(90) + '\r',
      );
    },
    done() {
      if (enabled) stream.write(' '.repeat(90) + '\r');
    },
  };
}
